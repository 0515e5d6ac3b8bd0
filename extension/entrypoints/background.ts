// First: the list's reads begin before the rest of the background's code is evaluated.
import '../background/startup-reads.ts';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../background/background-service.ts';

// Chrome: a service worker; Firefox (MV2): an event page, unloaded when idle.
export default defineBackground({
  persistent: false,
  main: startBackground,
});
