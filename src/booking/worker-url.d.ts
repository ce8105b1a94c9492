/** Vite's `?worker&url` import: the URL of the built worker (`booking/booking-proof.ts`). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}
