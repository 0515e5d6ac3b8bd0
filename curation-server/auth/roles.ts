/**
 * Who may do what. Roles are ordered: each one can do everything the one before it can.
 * - reader: read the list, its history, exports;
 * - curator: + edit sources (create, edit, suspend, remove, import, revert);
 * - admin: + accounts, API tokens, publication.
 */
export const ROLES = ['reader', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Permission = 'read' | 'edit' | 'administer';

const MINIMUM_ROLE: Record<Permission, Role> = { read: 'reader', edit: 'curator', administer: 'admin' };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(MINIMUM_ROLE[permission]);
}
