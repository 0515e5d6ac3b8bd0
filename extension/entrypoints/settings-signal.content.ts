import { defineContentScript } from 'wxt/utils/define-content-script';
import { contentScriptMatches } from '../engines/engines.ts';
import { raiseSettingsFlag } from '../settings/settings-flag.ts';

// Registered by the background only while the stored settings differ from the defaults (see settings-signal.ts).
export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_start',
  registration: 'runtime',
  main() {
    raiseSettingsFlag();
  },
});
