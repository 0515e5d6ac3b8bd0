import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '../engines/engines.ts';
import { raiseStoredStateFlag } from '../settings/settings-flag.ts';

// Registered by the background only while the stored settings or list differ from what is compiled in (see settings-signal.ts).
export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_start',
  registration: 'runtime',
  main() {
    raiseStoredStateFlag();
  },
});
