import type { CoreMessages } from './messages.js';

const retry = 'Tekrar deneyin';

/**
 * Turkish catalogue (polite "siz", short sentences), the part the first step needs. The rest
 * comes with the later steps and the account (`tr.ts`).
 */
export const trCore: CoreMessages = {
  widget: {
    title: 'Randevu alın',
    stepOf: (n, total) => `Adım ${n} / ${total}`,
    stepAnnouncement: (stepName) => `Sonraki adım: ${stepName}`,
    callPractice: 'Telefon:',
  },
  steps: {
    type: 'Randevu türü',
    time: 'Tarih ve saat',
    details: 'Bilgileriniz',
    confirmed: 'Alındı',
  },
  common: {
    back: 'Geri',
    retry,
    loading: 'Yükleniyor …',
  },
  errors: {
    network: 'Bağlantı yok. Lütfen internet bağlantınızı kontrol edip tekrar deneyin.',
    timeout: 'Muayenehane şu anda yanıt vermiyor. Lütfen birazdan tekrar deneyin.',
    rate_limited: 'Şu anda çok fazla istek var. Lütfen bir dakika sonra tekrar deneyin.',
    retryIn: (s) =>
      `Şu anda çok fazla istek var – ${s} saniye sonra otomatik olarak tekrar deniyoruz.`,
    unauthorized: 'Oturumunuzun süresi doldu. Lütfen tekrar deneyin.',
    forbidden: 'Bunun için yetkiniz yok. Lütfen giriş yapın veya muayenehaneyi arayın.',
    not_found: 'Bu seçenek artık mevcut değil. Lütfen yeniden seçin.',
    bad_response:
      'Muayenehaneden beklenmeyen bir yanıt geldi. Lütfen tekrar deneyin veya muayenehaneyi arayın.',
    server: 'Muayenehanede şu anda bir hata oluştu. Lütfen birkaç dakika sonra tekrar deneyin.',
    config: 'Bu randevu formu doğru kurulmamış. Lütfen muayenehaneyi arayın.',
    backend:
      'Çevrimiçi randevu şu anda kullanılamıyor. Lütfen daha sonra tekrar deneyin veya muayenehaneyi arayın.',
    unknown: 'Bir sorun oluştu. Lütfen tekrar deneyin.',
  },
  insurance: {
    need: 'Neye ihtiyacınız var?',
    hint: 'Lütfen önce sigortanızı seçin.',
    heading: 'Nasıl sigortalısınız?',
    empty: 'Bu muayenehane için kayıtlı sigorta yok. Lütfen muayenehaneyi arayın.',
  },
  login: {
    signIn: 'Giriş yapın',
    signInPrompt: 'Bu muayenehanede zaten tedavi görüyor musunuz?',
    signingIn: 'Giriş yapılıyor …',
    signingInHint: 'Lütfen girişi yeni pencerede tamamlayın.',
    tryAgain: retry,
    signInToBook: 'Randevu almak için lütfen giriş yapın.',
  },
};
