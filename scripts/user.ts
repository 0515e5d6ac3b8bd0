/**
 * Accounts of the curation server, from the command line (there is no default account):
 *
 *   npm run user -- add <email> --role admin|curator|reader    password read from standard input
 *   npm run user -- passwd <email>                             new password from standard input
 *   npm run user -- role <email> admin|curator|reader
 *   npm run user -- disable <email>  |  enable <email>
 *   npm run user -- list
 *
 * On a terminal the password is asked twice and not echoed; otherwise the first line of standard
 * input is the password (`printf '%s\n' "$PASSWORD" | npm run user -- add …`). It is never printed.
 * The database is SDC_DB (default data/curation.sqlite), as for `npm start`; its path is printed on
 * standard error, and a database that does not exist yet is refused, not created.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES } from '../curation-server/auth/roles.ts';
import { type AccountProblem, createUser, listUsers, setPassword, updateAccount, userByEmail } from '../curation-server/auth/users.ts';
import { readServerConfig } from '../curation-server/config.ts';
import { openDatabase } from '../curation-server/db/open-database.ts';
import { MESSAGES } from '../curation-server/i18n/messages.ts';
import { readPassword } from './user-password-input.ts';

const USAGE = `Usage :
  npm run user -- add <email> --role admin|curator|reader   (mot de passe sur l'entrée standard)
  npm run user -- passwd <email>
  npm run user -- role <email> admin|curator|reader
  npm run user -- disable <email> | enable <email>
  npm run user -- list`;

const PROBLEMS: Record<AccountProblem, string> = {
  ...MESSAGES.fr.passwordProblems,
  'invalid-email': 'Adresse électronique invalide.',
  exists: 'Ce compte existe déjà ; pour changer son mot de passe : npm run user -- passwd <email>.',
  unknown: 'Compte inconnu.',
  'last-admin': 'Refusé : il doit rester au moins un administrateur actif.',
};

const Role = z.enum(ROLES, { error: `Rôle inconnu : ${ROLES.join(', ')}.` });

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { role: { type: 'string' } } });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
})();
const [command, email, extra] = positionals;
const config = readServerConfig(process.env);
if (!config.ok) fail(`Configuration invalide :\n  ${config.problems.join('\n  ')}`, 2);
const { databasePath } = config.config;
// Opening a missing file would create an empty database beside the server's (SDC_DB unset, or
// another directory): accounts would land where the server never looks.
if (!existsSync(databasePath)) {
  fail(
    `Aucune base de données à ${databasePath} : le serveur ne l’a jamais ouverte.\n` +
      'Indiquez celle du serveur avec SDC_DB (SDC_DB=/chemin/curation.sqlite npm run user -- …),\n' +
      'ou démarrez d’abord le serveur, qui la crée : npm start',
    2,
  );
}
// On standard error: standard output stays what scripts read (the list, the result).
console.error(`Base : ${databasePath}`);
const db = await openDatabase(databasePath);

async function run(): Promise<string> {
  switch (command) {
    case 'add': {
      if (email === undefined) fail(USAGE, 2);
      const role = Role.safeParse(values.role);
      if (!role.success) fail(`${role.error.issues[0].message}\n${USAGE}`, 2);
      const created = await createUser(db, { email, role: role.data, password: await readPassword({ confirm: true }) });
      if (!created.ok) fail(PROBLEMS[created.problem]);
      return `Compte créé : ${created.user.email} (${created.user.role}).`;
    }
    case 'passwd': {
      if (email === undefined) fail(USAGE, 2);
      if ((await userByEmail(db, email)) === undefined) fail(PROBLEMS.unknown);
      const changed = await setPassword(db, email, await readPassword({ confirm: true }));
      if (!changed.ok) fail(PROBLEMS[changed.problem]);
      return 'Mot de passe changé ; les sessions ouvertes avec l’ancien sont fermées.';
    }
    case 'role':
    case 'disable':
    case 'enable': {
      if (email === undefined) fail(USAGE, 2);
      const user = await userByEmail(db, email);
      if (user === undefined) fail(PROBLEMS.unknown);
      let change: { role?: (typeof ROLES)[number]; disabled?: boolean };
      if (command === 'role') {
        const role = Role.safeParse(extra);
        if (!role.success) fail(`${role.error.issues[0].message}\n${USAGE}`, 2);
        change = { role: role.data };
      } else change = { disabled: command === 'disable' };
      const updated = await updateAccount(db, user.id, change);
      if (!updated.ok) fail(PROBLEMS[updated.problem]);
      return `${updated.user.email} : ${updated.user.role}, ${updated.user.disabled ? 'désactivé' : 'actif'}.`;
    }
    case 'list':
      return (await listUsers(db)).map((user) => `${user.email}\t${user.role}\t${user.disabled ? 'désactivé' : 'actif'}\t${user.createdAt}`).join('\n') || 'Aucun compte.';
    default:
      return fail(USAGE, 2);
  }
}

try {
  console.log(await run());
} catch (error) {
  // Expected failures (a typo in the confirmation, no input) are reported as a sentence, not a stack.
  fail((error as Error).message);
} finally {
  await db.destroy();
}
