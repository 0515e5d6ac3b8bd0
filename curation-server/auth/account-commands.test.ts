import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { changePassword, choosePasswordWithLink, createAccount, resetPassword, setDisabled } from './account-commands.ts';
import { recentAccountEvents } from './account-events.ts';
import { LINK_LIFETIME_MS, openLink } from './account-links.ts';
import { type Actor, userActor } from './actor.ts';
import { tokenDigest } from './secret-token.ts';
import { openSession, sessionUser } from './sessions.ts';
import { authenticate, createUser, type User, userById } from './users.ts';

const PASSWORD = 'une phrase de passe assez longue';
const NOW = new Date('2026-12-02T08:00:00Z');
const HOUR = 60 * 60 * 1000;

let temp: TempDatabase;
let admin: User;
let actor: Actor;
beforeEach(async () => {
  temp = await tempDatabase([]);
  const created = await createUser(temp.db, { email: 'admin@example.org', role: 'admin', password: PASSWORD });
  if (!created.ok) throw new Error(created.problem);
  admin = created.user;
  actor = userActor(admin);
});
afterEach(async () => {
  await temp.close();
});

async function invite(email = 'curatrice@example.org') {
  const invited = await createAccount(temp.db, actor, { email, role: 'curator', credential: { kind: 'link' } }, NOW);
  if (!invited.ok || invited.handover.kind !== 'link') throw new Error('not invited');
  return { user: invited.user, token: invited.handover.token, expiresAt: invited.handover.expiresAt };
}

describe('account commands', () => {
  it('invites with a link that opens once, for 72 hours, stored as a digest, and no password signs in before it is used', async () => {
    const { user, token, expiresAt } = await invite();
    expect(user).toMatchObject({ role: 'curator', pending: true });
    expect(expiresAt).toBe(new Date(NOW.getTime() + LINK_LIFETIME_MS.invitation).toISOString());
    expect(LINK_LIFETIME_MS.invitation).toBe(72 * HOUR);
    const [link] = await temp.db.selectFrom('account_links').selectAll().execute();
    expect(link.token_hash).toBe(tokenDigest(token));
    expect(JSON.stringify(link)).not.toContain(token);
    expect(await authenticate(temp.db, 'curatrice@example.org', '')).toBeNull();

    expect(await openLink(temp.db, token, new Date(NOW.getTime() + 72 * HOUR - 1))).toMatchObject({ purpose: 'invitation' });
    expect(await openLink(temp.db, token, new Date(NOW.getTime() + 72 * HOUR))).toBeUndefined();
    expect(await choosePasswordWithLink(temp.db, token, PASSWORD, new Date(NOW.getTime() + 72 * HOUR))).toEqual({ ok: false, problem: 'invalid-link' });

    expect(await choosePasswordWithLink(temp.db, token, 'court', NOW)).toEqual({ ok: false, problem: 'too-short' });
    expect((await choosePasswordWithLink(temp.db, token, PASSWORD, NOW)).ok).toBe(true);
    expect(await authenticate(temp.db, 'curatrice@example.org', PASSWORD)).toMatchObject({ pending: false, mustChangePassword: false });
    expect(await choosePasswordWithLink(temp.db, token, 'une autre phrase de passe', NOW)).toEqual({ ok: false, problem: 'invalid-link' });
    expect(await authenticate(temp.db, 'curatrice@example.org', PASSWORD)).not.toBeNull();
  });

  it('opens a link once even for two requests at the same moment', async () => {
    const { token } = await invite();
    const both = await Promise.all([choosePasswordWithLink(temp.db, token, PASSWORD, NOW), choosePasswordWithLink(temp.db, token, 'une autre phrase de passe', NOW)]);
    expect(both.filter((outcome) => outcome.ok)).toHaveLength(1);
  });

  it('resets with a temporary password: the old one stops, sessions close, the next sign-in must choose another (not the temporary one)', async () => {
    const created = await createUser(temp.db, { email: 'lecteur@example.org', role: 'reader', password: PASSWORD });
    if (!created.ok) throw new Error(created.problem);
    const session = await openSession(temp.db, created.user.id, NOW);
    const reset = await resetPassword(temp.db, actor, created.user.id, 'temporary-password', NOW);
    if (!reset.ok || reset.handover.kind !== 'temporary-password') throw new Error('not reset');
    const temporary = reset.handover.password;
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await sessionUser(temp.db, session, NOW)).toBeUndefined();
    expect(await authenticate(temp.db, 'lecteur@example.org', PASSWORD)).toBeNull();
    expect(await authenticate(temp.db, 'lecteur@example.org', temporary)).toMatchObject({ mustChangePassword: true });
    expect(await changePassword(temp.db, userActor(created.user), created.user.id, temporary, NOW)).toEqual({ ok: false, problem: 'same-password' });
    expect((await changePassword(temp.db, userActor(created.user), created.user.id, 'ma nouvelle phrase de passe', NOW)).ok).toBe(true);
    expect(await authenticate(temp.db, 'lecteur@example.org', 'ma nouvelle phrase de passe')).toMatchObject({ mustChangePassword: false });
    expect(await authenticate(temp.db, 'lecteur@example.org', temporary)).toBeNull();
  });

  it('resets with a link: the old password stops at once, an older link is revoked, and an admin cannot reset themself', async () => {
    const created = await createUser(temp.db, { email: 'lecteur@example.org', role: 'reader', password: PASSWORD });
    if (!created.ok) throw new Error(created.problem);
    const first = await resetPassword(temp.db, actor, created.user.id, 'link', NOW);
    const second = await resetPassword(temp.db, actor, created.user.id, 'link', NOW);
    if (!first.ok || first.handover.kind !== 'link' || !second.ok || second.handover.kind !== 'link') throw new Error('not reset');
    expect(await authenticate(temp.db, 'lecteur@example.org', PASSWORD)).toBeNull();
    expect(await openLink(temp.db, first.handover.token, NOW)).toBeUndefined();
    expect(await openLink(temp.db, second.handover.token, NOW)).toMatchObject({ purpose: 'reset', expiresAt: new Date(NOW.getTime() + 24 * HOUR).toISOString() });
    expect(await resetPassword(temp.db, actor, admin.id, 'link', NOW)).toEqual({ ok: false, problem: 'self' });
  });

  it('closes the links of a disabled account, and refuses to reset it until it is enabled', async () => {
    const { user, token } = await invite();
    expect((await setDisabled(temp.db, actor, user.id, true, NOW)).ok).toBe(true);
    expect(await openLink(temp.db, token, NOW)).toBeUndefined();
    expect(await resetPassword(temp.db, actor, user.id, 'link', NOW)).toEqual({ ok: false, problem: 'disabled' });
    expect((await setDisabled(temp.db, actor, user.id, false, NOW)).ok).toBe(true);
    // Enabling does not bring the old link back: a new one is needed.
    expect(await openLink(temp.db, token, NOW)).toBeUndefined();
    const again = await resetPassword(temp.db, actor, user.id, 'link', NOW);
    expect(again.ok && again.handover.kind === 'link' && (await openLink(temp.db, again.handover.token, NOW))?.purpose).toBe('invitation');
  });

  it('does not count an invited administrator as one who can keep the server administered', async () => {
    const invited = await createAccount(temp.db, actor, { email: 'admin2@example.org', role: 'admin', credential: { kind: 'link' } }, NOW);
    expect(invited.ok).toBe(true);
    expect(await setDisabled(temp.db, actor, admin.id, true, NOW)).toEqual({ ok: false, problem: 'last-admin' });
    expect((await userById(temp.db, admin.id))?.disabled).toBe(false);
  });

  it('records who did what to whom and when, without any secret, and the record cannot be changed', async () => {
    const { user, token } = await invite();
    await choosePasswordWithLink(temp.db, token, PASSWORD, new Date(NOW.getTime() + HOUR));
    const reset = await resetPassword(temp.db, actor, user.id, 'temporary-password', new Date(NOW.getTime() + 2 * HOUR));
    await setDisabled(temp.db, actor, user.id, true, new Date(NOW.getTime() + 3 * HOUR));
    await setDisabled(temp.db, actor, user.id, true, new Date(NOW.getTime() + 4 * HOUR));
    const events = await recentAccountEvents(temp.db, { userId: user.id, limit: 10 });
    expect(events.map((event) => [event.at, event.actor, event.email, event.action])).toEqual([
      ['2026-12-02T11:00:00.000Z', 'admin@example.org', 'curatrice@example.org', 'disable'],
      ['2026-12-02T10:00:00.000Z', 'admin@example.org', 'curatrice@example.org', 'reset'],
      ['2026-12-02T09:00:00.000Z', 'curatrice@example.org', 'curatrice@example.org', 'password-chosen'],
      ['2026-12-02T08:00:00.000Z', 'admin@example.org', 'curatrice@example.org', 'invite'],
    ]);
    expect(events[1].detail).toEqual({ method: 'temporary-password' });
    const rows = JSON.stringify(await temp.db.selectFrom('account_events').selectAll().execute());
    expect(rows).not.toContain(token);
    expect(rows).not.toContain(PASSWORD);
    expect(reset.ok && reset.handover.kind === 'temporary-password' && rows.includes(reset.handover.password)).toBe(false);
    await expect(temp.db.updateTable('account_events').set({ actor: 'quelqu’un' }).execute()).rejects.toThrow(/append-only/);
    await expect(temp.db.deleteFrom('account_events').execute()).rejects.toThrow(/append-only/);
  });
});
