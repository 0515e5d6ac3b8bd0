/**
 * Accounts of the curation server, from the command line: the first administrator (there is no
 * default account), and a way back in on the server. Day to day, administrators manage accounts
 * in the console (/admin/users: invitations, roles, disabling, password resets). Every change made
 * here is recorded in the accounts' audit trail too, as « ligne de commande ».
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
import { changePassword, changeRole, type CommandProblem, createAccount, setDisabled } from '../curation-server/auth/account-commands.ts';
import { COMMAND_LINE_ACTOR } from '../curation-server/auth/actor.ts';
import { ROLES } from '../curation-server/auth/roles.ts';
import { listUsers, userByEmail } from '../curation-server/auth/users.ts';
import { readServerConfig } from '../curation-server/config.ts';
import { openDatabase } from '../curation-server/db/open-database.ts';
import { MESSAGES } from '../curation-server/i18n/messages.ts';
import { readPassword } from './user-password-input.ts';

const USAGE = `Usage (le premier administrateur ; ensuite, les comptes se gèrent dans la console, Administration → Comptes) :
  npm run user -- add <email> --role admin|curator|reader   (mot de passe sur l'entrée standard)
  npm run user -- passwd <email>
  npm run user -- role <email> admin|curator|reader
  npm run user -- disable <email> | enable <email>
  npm run user -- list`;

const PROBLEMS: Record<CommandProblem, string> = {
  ...MESSAGES.fr.passwordProblems,
  'invalid-email': 'Adresse électronique invalide.',
  exists: 'Ce compte existe déjà ; pour changer son mot de passe : npm run user -- passwd <email>.',
  unknown: 'Compte inconnu.',
  'last-admin': 'Refusé : il doit rester au moins un administrateur actif.',
  self: MESSAGES.fr.accounts.self,
  disabled: MESSAGES.fr.accounts.disabledAccount,
  'invalid-link': MESSAGES.fr.accounts.invalidLink,
  'same-password': MESSAGES.fr.accounts.samePassword,
  'wrong-current-password': MESSAGES.fr.accounts.wrongCurrentPassword,
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
      const password = await readPassword({ confirm: true });
      const created = await createAccount(db, COMMAND_LINE_ACTOR, { email, role: role.data, credential: { kind: 'password', password } }, new Date());
      if (!created.ok) fail(PROBLEMS[created.problem]);
      return `Compte créé : ${created.user.email} (${created.user.role}).`;
    }
    case 'passwd': {
      if (email === undefined) fail(USAGE, 2);
      const user = await userByEmail(db, email);
      if (user === undefined) fail(PROBLEMS.unknown);
      const changed = await changePassword(db, COMMAND_LINE_ACTOR, user.id, await readPassword({ confirm: true }), new Date());
      if (!changed.ok) fail(PROBLEMS[changed.problem]);
      return 'Mot de passe changé ; les sessions ouvertes avec l’ancien sont fermées.';
    }
    case 'role':
    case 'disable':
    case 'enable': {
      if (email === undefined) fail(USAGE, 2);
      const user = await userByEmail(db, email);
      if (user === undefined) fail(PROBLEMS.unknown);
      let updated: Awaited<ReturnType<typeof changeRole>>;
      if (command === 'role') {
        const role = Role.safeParse(extra);
        if (!role.success) fail(`${role.error.issues[0].message}\n${USAGE}`, 2);
        updated = await changeRole(db, COMMAND_LINE_ACTOR, user.id, role.data, new Date());
      } else updated = await setDisabled(db, COMMAND_LINE_ACTOR, user.id, command === 'disable', new Date());
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
