import type { StepMessages } from './messages.js';

/** Turkish catalogue, the later steps (time, details, review, confirmation). */
export const trSteps: StepMessages = {
  common: {
    change: 'Değiştir',
    changeWhat: (what) => `Değiştir: ${what}`,
    durationMinutes: (n) => `${n} dk.`,
    video: 'Görüntülü görüşme',
    optional: 'isteğe bağlı',
  },
  category: {
    heading: 'Konu nedir?',
    empty: 'Şu anda çevrimiçi randevu alınamıyor. Lütfen muayenehaneyi arayın.',
  },
  type: {
    heading: 'Hangi randevu uygun?',
    empty:
      'Bunun için çevrimiçi randevu alınamıyor. Lütfen başka bir konu seçin veya muayenehaneyi arayın.',
    locations: (n) => `${n} şube`,
  },
  errors: {
    availability_taken:
      'Bu randevu az önce alındı. Lütfen başka bir saat seçin – bilgileriniz saklı kalır.',
    validation: 'Lütfen bilgilerinizi kontrol edip tekrar deneyin.',
    asap_not_enabled:
      'Bu randevu türü için daha erken randevu bildirimi yok. Lütfen bu seçenek olmadan devam edin.',
  },
  time: {
    heading: 'Size ne zaman uygun?',
    daysLabel: 'Gün seçin',
    range: (from, to) => `${from} – ${to}`,
    earlier: 'Önceki günler',
    later: 'Sonraki günler',
    timesHeading: (day) => `${day} için boş saatler`,
    timesCount: (n) => `${n} randevu`,
    zoneNote: (zone, abbr) => `Tüm saatler muayenehanenin yerel saatidir: ${zone} (${abbr}).`,
    location: 'Şube',
    allLocations: 'Tüm şubeler',
    emptyRange: (from, to) => `${from} – ${to} arasında boş randevu yok.`,
    findFirst: 'İlk boş randevuyu bul',
    searching: 'İlk boş randevu aranıyor …',
    nextAvailable: (date) => `Sonraki boş randevu: ${date}`,
    noneAvailable: 'Önümüzdeki 6 ay içinde boş randevu yok. Lütfen muayenehaneyi arayın.',
  },
  details: {
    heading: 'Bilgileriniz',
    intro: 'Muayenehanenin size ulaşabilmesi ve onayı gönderebilmesi için.',
    labels: {
      title: 'Unvan',
      first_name: 'Ad',
      last_name: 'Soyadı',
      gender: 'Cinsiyet',
      born_on: 'Doğum tarihi',
      email: 'E-posta adresi',
      mobile: 'Cep telefonu',
      phone: 'Telefon numarası',
      insurance: 'Sağlık sigortası',
      accepts_email: 'Muayenehanenin beni e-posta ile bilgilendirmesini kabul ediyorum.',
    },
    required: {
      title: 'Lütfen unvanınızı girin.',
      first_name: 'Lütfen adınızı girin.',
      last_name: 'Lütfen soyadınızı girin.',
      gender: 'Lütfen cinsiyetinizi seçin.',
      born_on: 'Lütfen doğum tarihinizi girin.',
      email: 'Lütfen e-posta adresinizi girin.',
      mobile: 'Lütfen cep telefonu numaranızı girin.',
      phone: 'Lütfen telefon numaranızı girin.',
      insurance: 'Lütfen sağlık sigortanızı girin.',
      accepts_email: 'Lütfen e-posta bildirimini onaylayın.',
    },
    invalid: {
      email: 'Lütfen geçerli bir e-posta adresi girin, ör. ad@ornek.de.',
      phone: 'Lütfen geçerli bir telefon numarası girin, ör. 030 1234567.',
      tooLong: 'Bu bilgi çok uzun.',
      other: 'Lütfen bu bilgiyi kontrol edin.',
    },
    bornOn: {
      format: 'Lütfen doğum tarihinizi gün, ay ve yıl olarak girin, ör. 01.02.1980.',
      noSuchDay: 'Böyle bir tarih yok. Lütfen günü ve ayı kontrol edin.',
      future: 'Doğum tarihi gelecekte olamaz. Lütfen yılı kontrol edin.',
      tooEarly: 'Lütfen yılı kontrol edin: 1900 veya sonrası olmalıdır.',
    },
    bornOnFormat: 'DD.MM.YYYY',
    bornOnHint: 'DD.MM.YYYY, ör. 01.02.1980',
    note: {
      label: 'Muayenehaneye not',
      hint: 'Örneğin muayenehanenin randevudan önce bilmesi gerekenler.',
      left: (left, max) => `${max} karakterden ${left} karakter kaldı`,
    },
    privacy: {
      notice: 'Randevu aldığınızda bilgileriniz muayenehaneye iletilir.',
      link: 'Gizlilik bildirimi',
      newWindow: '(yeni pencerede açılır)',
    },
    summary: (n) => `Lütfen ${n} bilgiyi kontrol edin:`,
    genders: { m: 'erkek', f: 'kadın', d: 'diğer' },
    choose: 'Lütfen seçin',
    asapOptIn: 'Daha erken bir randevu boşalırsa bana haber verin.',
    asapHint: 'Size bir e-posta gönderilir ve randevunuzu öne alabilirsiniz.',
    serverErrors: 'Lütfen bilgilerinizi kontrol edin:',
    submit: 'Devam',
  },
  review: {
    heading: 'Lütfen randevunuzu kontrol edin',
    appointment: 'Randevu',
    when: 'Tarih ve saat',
    where: 'Yer',
    videoWhere: 'Çevrimiçi, görüntülü',
    insurance: 'Sigorta',
    patient: 'Bilgileriniz',
    confirm: 'Kesin olarak randevu al',
    submitting: 'Randevu alınıyor …',
    binding: '“Kesin olarak randevu al” ile bu saati kendiniz için ayırırsınız.',
    bookingLimited:
      'Kısa sürede çok fazla randevu alındı, bu yüzden çevrimiçi randevu şimdilik durduruldu. Bu randevu için lütfen muayenehaneyi arayın.',
  },
  confirmation: {
    heading: 'Randevunuz alındı',
    thanks: 'Teşekkür ederiz! Sizi bekliyoruz.',
    emailNote: 'Onayı e-posta ile de alacaksınız.',
    addToCalendar: 'Takvime ekle',
    bookAnother: 'Başka bir randevu al',
    calendarTitle: (type, institution) => (institution ? `${type} – ${institution}` : type),
    neutralTitle: (institution) =>
      institution ? `Doktor randevusu – ${institution}` : 'Doktor randevusu',
    nextHeading: 'Sonraki adımlar',
    bring:
      'Lütfen sağlık sigortası kartınızı ve varsa sevk belgenizi ve önceki bulgularınızı getirin.',
    change:
      'Randevuyu ertelemek veya iptal etmek mi istiyorsunuz? Lütfen en geç 24 saat önce muayenehaneyi arayın.',
    videoHow:
      'Görüntülü görüşme bağlantısını e-posta ile alacaksınız. Kameralı ve mikrofonlu bir cihaza ihtiyacınız var.',
    directions: 'Yol tarifi al',
    googleCalendar: 'Google Takvim',
    outlookCalendar: 'Outlook takvimi',
  },
};
