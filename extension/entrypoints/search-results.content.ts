import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '../engines/engines.ts';
import { startMarking } from '../marking/start-marking.ts';

// Injected as result pages start loading, so that the list is ready when the results are.
export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_start',
  main() {
    void startMarking();
  },
});
