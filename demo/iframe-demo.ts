// The iframe demo's loader: embed.js from the other loopback name of this same server
// (localhost ↔ 127.0.0.1), so that embed.html is on another origin than this page, as on a real
// site, whatever port the demo runs on.
const other = new URL('/pb/embed.js', location.href);
other.hostname = other.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
const script = document.createElement('script');
script.src = other.href;
script.defer = true;
document.body.append(script);
