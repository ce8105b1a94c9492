// embed.js: the host-page loader for iframe and CMS embedding.
export {};
