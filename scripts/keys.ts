/**
 * Signing keys for published lists.
 *
 *   npm run keys -- generate [--dir data/keys]   new key pair: <id>.private.pem (mode 0600) and <id>.public.json
 *   npm run keys -- public <private.pem>          print the public key record (for the extension build and policy)
 *
 * The private key never goes into git, the database or the logs. See README.md, "Signed lists".
 */
import { parseArgs } from 'node:util';
import { createKeyFiles, readSigningKeyFile } from '../corpus/node/signing-key-files.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string', default: 'data/keys' } } });
const [command, file] = positionals;

if (command === 'generate') {
  const created = await createKeyFiles(values.dir);
  console.log(`Key ${created.keyId} created.`);
  console.log(`  private key (keep secret, mode 0600): ${created.privateKeyFile}`);
  console.log(`  public key (for the extension build and managed policy): ${created.publicKeyFile}`);
} else if (command === 'public' && file !== undefined) {
  console.log(JSON.stringify((await readSigningKeyFile(file)).publicKey, null, 2));
} else {
  console.error('usage: npm run keys -- generate [--dir data/keys] | npm run keys -- public <private.pem>');
  process.exit(2);
}
