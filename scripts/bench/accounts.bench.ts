/**
 * Accounts figures with a generous association — 300 accounts, 5,000 events in their audit trail,
 * 100 invitations waiting: how long the accounts page and one account's page take to render, how
 * long an invitation takes (no password hashed), and choosing a password through the link (one
 * scrypt hash, the cost that dominates on purpose).
 */
import { createAccount, choosePasswordWithLink } from '../../curation-server/auth/account-commands.ts';
import { appendAccountEvent } from '../../curation-server/auth/account-events.ts';
import { userActor } from '../../curation-server/auth/actor.ts';
import { hashPassword } from '../../curation-server/auth/password.ts';
import { insertUser, type User, userByEmail } from '../../curation-server/auth/users.ts';
import { consoleFixture } from '../../curation-server/testing/console-client.ts';
import { median, report } from './report.ts';

const ACCOUNTS = 300;
const EVENTS = 5_000;
const WAITING = 100;

const fixture = await consoleFixture();
const admin = await fixture.as('admin');
const adminUser = await userByEmail(fixture.db, 'admin@example.org');
if (adminUser === undefined) throw new Error('no admin');
const actor = userActor(adminUser);
const hash = await hashPassword('une phrase de passe du banc d’essai');
const users: User[] = [];
for (let index = 0; index < ACCOUNTS - WAITING; index++) {
  const inserted = await insertUser(fixture.db, { email: `curateur${index}@example.org`, role: index % 3 === 0 ? 'reader' : 'curator', passwordHash: hash, mustChangePassword: false });
  if (inserted.ok) users.push(inserted.user);
}
const now = new Date();
for (let index = 0; index < WAITING; index++) await createAccount(fixture.db, actor, { email: `invite${index}@example.org`, role: 'curator', credential: { kind: 'link' } }, now);
await fixture.db.transaction().execute(async (trx) => {
  for (let index = 0; index < EVENTS; index++) {
    await appendAccountEvent(trx, { at: now, actor, user: users[index % users.length], action: index % 2 === 0 ? 'role' : 'disable', detail: index % 2 === 0 ? { from: 'reader', to: 'curator' } : {} });
  }
});

const pageTimes = async (path: string) => {
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const begin = performance.now();
    const { response } = await admin.page(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    times.push(performance.now() - begin);
  }
  return median(times);
};
report('accounts_page_ms', await pageTimes('/admin/users'), 'ms');
report('account_page_ms', await pageTimes(`/admin/users/${users[7].id}`), 'ms');

const invitations: number[] = [];
const tokens: string[] = [];
for (let run = 0; run < 15; run++) {
  await admin.page('/admin/users');
  const begin = performance.now();
  const created = await admin.post('/admin/users', { email: `banc${run}@example.org`, role: 'reader', method: 'link' });
  const html = await created.text();
  invitations.push(performance.now() - begin);
  tokens.push(/token=([\w-]{43})/.exec(html)?.[1] ?? '');
}
report('invitation_ms', median(invitations), 'ms');

const choices: number[] = [];
for (const token of tokens.slice(0, 10)) {
  const begin = performance.now();
  const chosen = await choosePasswordWithLink(fixture.db, token, 'une phrase de passe bien à moi', new Date());
  if (!chosen.ok) throw new Error(chosen.problem);
  choices.push(performance.now() - begin);
}
report('link_password_choice_ms', median(choices), 'ms');
await fixture.close();
