/**
 * The shape of a source as forms and API calls send it, checked at the HTTP boundary with zod.
 * Only the shape: what makes a source acceptable (hostnames, scopes, platforms, codes) is
 * decided by corpus/validateSource behind it, with its French messages.
 */
import { z } from 'zod';
import { CATEGORY_IDS, type Category } from '../../corpus/categories.ts';
import { SCOPES, STATUSES } from '../../corpus/source.ts';

const host = z.string().max(300).meta({ description: 'Hostname, without scheme, path or `www.` (IDN accepted).', example: 'mairie-exemple.fr' });
const scope = z.enum(SCOPES).meta({ description: '`host`: this hostname only; `subdomains`: and its subdomains; `path`: under `path`.' });
const path = z.string().max(2000).meta({ description: 'Path prefix, only with scope `path`.', example: '' });
const category = z.enum(CATEGORY_IDS as [Category, ...Category[]]);
const status = z.enum(STATUSES);
const name = z.string().max(300).meta({ description: 'Name of the organisation.', example: 'Mairie d’Exemple' });
const code = z.string().max(20).meta({ description: 'INSEE code or SIREN, if known.', example: '01001' });

/** A whole source as typed: what may be left out gets its empty default. */
export const SourceFieldsSchema = z.object({ host, scope, path: path.default(''), category, status: status.default('active'), name: name.default(''), code: code.default('') });

/** Some fields of a source, for a change: no defaults, so a field left out keeps its value. */
export const SourceChangesSchema = z.object({ host, scope, path, category, status, name, code }).partial();

export const CommentSchema = z.string().trim().max(1000).default('').meta({ description: 'Why: recorded in the history.' });
