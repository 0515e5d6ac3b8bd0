import { defineConfig } from 'wxt';
import { asciiOutputPlugin } from './extension/build/ascii-output.ts';
import { readEngineDefinitions } from './extension/engines/engine-definitions-schema.ts';
import { BUNDLED_ENGINE_DEFINITIONS, contentScriptMatches } from './extension/engines/engines.ts';
import { BUCKETS, bucketScript, bucketScriptFile } from './extension/list/changed-host-buckets.ts';
import { FLAG_SCRIPT, FLAG_SCRIPT_FILE } from './extension/settings/settings-flag.ts';
import { BUNDLED_SNAPSHOT_FILE, bundledListOptionsFromEnv, bundledListPlugin, compactListLiteralPlugin, onceBundledList } from './extension/list/bundled-list-module.ts';

/** The published, signed list the build ships (SDC_LISTS_DIR, SDC_KEYS_DIR, SDC_LIST_CHANNEL: see bundled-list-module.ts). */
const bundledList = onceBundledList(() => bundledListOptionsFromEnv(process.env));
// The engine definitions shipped with this release must pass the schema a published file must pass.
const engineDefinitions = readEngineDefinitions(BUNDLED_ENGINE_DEFINITIONS);
if (!engineDefinitions.ok) throw new Error(`extension/engines/engine-definitions.json: ${engineDefinitions.reason}`);

/**
 * The extension's fixed Chrome id (gchlaeidhlpjhcidhkkimiadkidlgkgh) comes from this public key
 * (base64 DER of an RSA key). Only the public half is kept anywhere: loading unpacked and
 * enterprise deployment need nothing else; the store signs its own packages.
 */
const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqcEPELBgB9gYhB4g69XIVgS1P+W71lzlMgAUmjYcFiRC7JNURTbsZekHhjPuXWWro6yIVN0MY9MvwNdp1arU8EGRlGLy/fHXPafwcBjgoZJVn0jFid6oGZcFhYrJDCuDiIId+1aQkZN4zrEf2cN+/Sb9DoDRtmVPzIRhCAn4Kg74rhgL/yf0uAPKguvU9tBvS5dZYlub29bueBbJGhZnnDzsUVjQvOavWCW5RF2y8xLLARZNvf7BwiAOoJS5Mma4+7ALsbY/ThWiYGqQdjbn1xeMrMILEh5Wig0quoUgLrCwu9SiUucsD9IsU8P8QO71md1QSk0j+wR2/tjiERdSVwIDAQAB';

export const GECKO_ID = 'sources-de-confiance@sources-de-confiance.fr';

// The extension's sources live in extension/; the shared core it imports lives in corpus/.
// Firefox gets the MV2 build (WXT's default): on Firefox, MV2 stays supported, its content
// scripts get their host access at install without a prompt (MV3 makes it optional there), and
// its event page runs on every ESR that public machines still use.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // tabs: read the current tab's address, to show on the toolbar icon whether it is a trusted source.
    // scripting: register on result pages the scripts that say how the stored state differs (extension/settings/settings-signal.ts).
    // alarms: check the list channel for a new signed version every few hours (extension/list/list-updates.ts).
    // No host permission but the result pages': the channel answers with CORS, and no cookie is sent.
    permissions: ['storage', 'tabs', 'scripting', 'alarms'],
    // The result pages: where the content script runs, and where the background registers its signal scripts.
    host_permissions: contentScriptMatches(),
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 128: 'icons/128.png' },
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icons/16.png', 32: 'icons/32.png' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions: the extension collects and sends nothing (Mozilla's
            // required declaration for new extensions, known from Firefox 140, the oldest ESR still
            // supported: ESR 115, the last of Windows 7 and 8.1, ended in 2026).
            gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          key: CHROME_PUBLIC_KEY,
          // 109: the last Chrome and Edge of Windows 7 and 8.1, still on public computers.
          minimum_chrome_version: '109',
          // What enterprise policy may set (Firefox reads the same values from policies.json, without a schema).
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
  // The list ships compiled into the result pages' script and the background's (written in after
  // minification, as the string V8 reads fastest), and as packaged files: the snapshot for the
  // first delta, the result-page signal scripts (settings-signal.ts).
  vite: () => ({ plugins: [bundledListPlugin(bundledList, { placeholder: true }), compactListLiteralPlugin(bundledList), asciiOutputPlugin()] }),
  hooks: {
    'build:publicAssets': async (_wxt, files) => {
      const list = await bundledList();
      files.push({ relativeDest: BUNDLED_SNAPSHOT_FILE, contents: list.snapshotText });
      // The one-line scripts the background registers on result pages to say how the stored state differs.
      files.push({ relativeDest: FLAG_SCRIPT_FILE, contents: FLAG_SCRIPT });
      for (let bucket = 0; bucket < BUCKETS; bucket++) files.push({ relativeDest: bucketScriptFile(bucket), contents: bucketScript(bucket) });
    },
  },
  zip: {
    // The sources zip (for store review) holds what builds the extension, not server code, data
    // dumps, keys or the saved result pages used by tests.
    excludeSources: [
      'curation-server/**',
      'data/**',
      'keys/**',
      '**/*.pem',
      '.env',
      'e2e/**',
      'extension/engines/fixtures/**',
      'corpus/upstream/**',
      'corpus/data/rejected.tsv',
      '.ci/**',
    ],
  },
});
