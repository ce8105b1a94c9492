import type { AccountMessages } from './messages.js';

// Shared by `errors` and `login`.
const popupBlocked =
  'Giriş penceresi engellendi. Lütfen bu sayfa için açılır pencerelere izin verip tekrar deneyin.';
const popupClosed = 'Giriş penceresi kapatıldı. İstediğiniz zaman yeniden açabilirsiniz.';
const loginDenied = 'Giriş başarısız oldu. Lütfen tekrar deneyin.';

/** Turkish catalogue, the signed-in patient's part. */
export const trAccount: AccountMessages = {
  errors: {
    not_cancelable:
      'Bu randevu artık çevrimiçi iptal edilemez (başlamasına 24 saatten az var). Lütfen muayenehaneyi arayın.',
    not_reschedulable:
      'Bu randevu artık çevrimiçi ertelenemez (başlamasına 24 saatten az var). Lütfen muayenehaneyi arayın.',
    popup_blocked: popupBlocked,
    popup_closed: popupClosed,
    login_denied: loginDenied,
  },
  login: {
    signedInAs: (name) => (name ? `${name} olarak giriş yapıldı` : 'Giriş yapıldı'),
    signOut: 'Çıkış yapın',
    signInAgain: 'Tekrar giriş yapın',
    sessionExpired: 'Oturumunuzun süresi doldu. Lütfen tekrar giriş yapın.',
    popupBlocked,
    popupClosed,
    denied: loginDenied,
  },
  account: {
    nav: 'Hesabınız',
    book: 'Randevu alın',
    appointments: 'Randevularım',
    newTimeHeading: 'Yeni saat seçin',
    moveHeading: 'Randevu ertelensin mi?',
    filter: 'Göster',
    upcoming: 'Yaklaşan',
    past: 'Geçmiş',
    counts: (u, p) => `${u} yaklaşan randevu · ${p} geçmiş`,
    next: 'Bir sonraki randevunuz',
    emptyUpcoming: 'Yaklaşan randevunuz yok.',
    emptyPast: 'Geçmiş randevunuz yok.',
    showMore: 'Daha fazla göster',
    statuses: { confirmed: 'Onaylandı', cancelled: 'İptal edildi', past: 'Geçmiş' },
    when: 'Tarih ve saat',
    duration: 'Süre',
    where: 'Yer',
    status: 'Durum',
    back: 'Randevularıma dön',
    reschedule: 'Ertele',
    cancel: 'Randevuyu iptal et',
    cancelQuestion: (date) => `${date} tarihli randevu iptal edilsin mi?`,
    cancelNote: 'Saat diğer hastalar için boşalır. Bu işlem geri alınamaz.',
    cancelYes: 'Evet, iptal et',
    cancelKeep: 'Randevuyu koru',
    notChangeable:
      'Randevular başlamadan 24 saat öncesine kadar çevrimiçi değiştirilebilir. Lütfen muayenehaneyi arayın.',
    asapHeading: 'Daha erken randevu',
    asapIntro: 'Daha erken bir randevu boşalırsa size e-posta göndeririz.',
    asapOn: (email) => `Daha erken randevu listesindesiniz (${email}).`,
    asapCheck: 'Şimdi daha erken randevu ara',
    asapLeave: 'Listeden çık',
    asapJoin: 'Daha erken randevulardan haberdar et',
    noEarlier: 'Şu anda daha erken boş randevu yok.',
    earlierFound: (date) => `Daha erken bir randevu boş: ${date}`,
    asapTake: 'Randevuyu bu saate ertele',
    videoJoin: 'Görüntülü görüşmeye katıl',
    videoNote: 'Yeni bir pencerede açılır.',
    before: 'Önceki saat',
    after: 'Yeni saat',
    move: 'Randevuyu ertele',
    moving: 'Erteleniyor …',
    otherTime: 'Başka bir saat seçin',
    cancelled: 'Randevunuz iptal edildi.',
    bookAgain: 'Bu randevuyu tekrar al',
    movedCalendar: 'Yeni saati takviminize ekleyin (.ics)',
    moved: (date) => `Randevunuz ${date} tarihine ertelendi.`,
    subscribed: 'Listedesiniz. Daha erken bir randevu boşalırsa size yazacağız.',
    unsubscribed: 'Artık daha erken randevu listesinde değilsiniz.',
  },
};
