// embed-frame.js (loaded by embed.html): renders the widget from the page's query parameters and
// posts its events to the parent page. Imports nothing from the widget, so the widget stays one file.
export {};
