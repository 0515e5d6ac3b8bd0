import type { Role } from './roles.ts';

/** Who is acting: a signed-in person, an API token, or the server itself (seeding). */
export interface Actor {
  /** As written in the history: the email, or the token's name. */
  label: string;
  role: Role;
  userId: number | null;
  tokenId: number | null;
}

export const SYSTEM_ACTOR: Actor = { label: 'système', role: 'admin', userId: null, tokenId: null };

/** Whoever runs `npm run user` on the server (the first administrator's account is made there). */
export const COMMAND_LINE_ACTOR: Actor = { label: 'ligne de commande', role: 'admin', userId: null, tokenId: null };

export function userActor(user: { id: number; email: string; role: Role }): Actor {
  return { label: user.email, role: user.role, userId: user.id, tokenId: null };
}

export function tokenActor(token: { id: number; name: string; role: Role }): Actor {
  return { label: `jeton « ${token.name} »`, role: token.role, userId: null, tokenId: token.id };
}
