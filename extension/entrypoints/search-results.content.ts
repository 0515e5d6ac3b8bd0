import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '../engines/engines.ts';
import { startMarking } from '../marking/start-marking.ts';

// Injected before the page is parsed (the stored settings are read from then), to mark its results as soon as it is.
export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_start',
  main() {
    void startMarking();
  },
});
