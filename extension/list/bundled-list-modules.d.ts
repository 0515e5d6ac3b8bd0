// The list compiled into the extension's scripts (see bundled-list-module.ts).
declare module 'virtual:sdc-bundled-list/compact' {
  /** The compact list (corpus/matching/compact-list.ts), the data credit in its header. */
  const compact: string;
  export default compact;
}

declare module 'virtual:sdc-bundled-list/meta' {
  const meta: import('./list-meta.ts').ListMeta;
  export default meta;
}

declare module 'virtual:sdc-bundled-list/channel' {
  const channel: import('./list-meta.ts').ListChannelConfig;
  export default channel;
}
