/** Everything the app needs to speak its two languages: the language list, formatting, sorting. */
export * from './lang';
export * from './format';
export * from './collate';
