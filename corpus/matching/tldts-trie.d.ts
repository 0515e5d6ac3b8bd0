// tldts's rule trie (its data module, with its own types), read by public-suffixes-below.ts.
declare module 'tldts/dist/es6/src/data/trie.js' {
  export * from 'tldts/dist/types/src/data/trie';
}
