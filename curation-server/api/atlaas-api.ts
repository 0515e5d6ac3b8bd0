/**
 * /api/atlaas: the public, read-only Atlaas lookup — actors, their cards, actions, and hostname →
 * actor and label. No token: mounted before the API's authentication. CORS open (the extension's
 * popup and any site may read it), ETag and 304, a short public cache; every query parameter is
 * checked (unknown ones too) and a refusal is a 400 with the reason.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { normalizeHostname } from '../../corpus/hostname.ts';
import type { ApiEnv, AppDeps } from '../app-env.ts';
import { AXES } from '../atlaas/action-file.ts';
import { type ActionRow, searchActions } from '../atlaas/action-search.ts';
import { actorCard, type LabelRow } from '../atlaas/actor-card.ts';
import { type ActorRow, searchActors } from '../atlaas/actor-search.ts';
import { actorsOfHost } from '../atlaas/host-lookup.ts';
import { responseCache } from '../atlaas/response-cache.ts';
import { ATLAAS_ACTOR_KINDS } from '../db/schema.ts';
import { ErrorSchema, json } from './api-schemas.ts';

const tags = ['atlaas'];
const security: Record<string, string[]>[] = [];
const CACHE = 'public, max-age=300';
/** At most this many results a page: larger pages are refused, not truncated. */
const MAX_PER_PAGE = 100;

/** Printable text without control characters, as typed in a search box. */
const searchText = z
  .string()
  .max(200)
  .refine((text) => !/\p{Cc}/u.test(text), 'no control characters');
const departementCode = z.string().regex(/^(?:\d{2}|2[AB]|97\d)$/, 'a département number: 01…95, 2A, 2B, 971…976');
const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).openapi({ description: 'From 1.' }),
  perPage: z.coerce.number().int().min(1).max(MAX_PER_PAGE).default(20).openapi({ description: `1 to ${MAX_PER_PAGE}.` }),
};

const ActorsQuery = z
  .object({
    q: searchText.optional().openapi({ description: 'A name (accents, case, hyphens, « st », articles ignored; words are prefixes), or an INSEE code, former INSEE code, postcode or SIREN.', example: 'st etienne' }),
    code: z.string().regex(/^(?:\d{5}|2[AB]\d{3}|\d{9})$/, 'an INSEE code, postcode or SIREN').optional(),
    departement: departementCode.optional(),
    kind: z.enum(ATLAAS_ACTOR_KINDS).optional(),
    ...paging,
  })
  .strict();

const ActionsQuery = z
  .object({
    q: searchText.optional().openapi({ description: 'Words of the title, subtitle, summary, what was done, results or recommendations (prefixes, accents ignored).', example: 'médiation numérique' }),
    axis: z.enum(AXES).optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    departement: departementCode.optional(),
    region: z.string().regex(/^\d{2}$/, 'a région code (two digits)').optional(),
    actor: z.string().regex(/^[a-z-]+:[0-9AB]{2,9}$/, 'an actor id such as commune:42218').optional(),
    ...paging,
  })
  .strict();

const NoQuery = z.object({}).strict();

const ActorIdParams = z.object({
  id: z.string().regex(/^[a-z-]+:[0-9AB]{2,9}$/, 'an actor id such as commune:42218').openapi({ param: { name: 'id', in: 'path' }, example: 'commune:42218' }),
});
const HostParams = z.object({ host: z.string().max(253).openapi({ param: { name: 'host', in: 'path' }, example: 'saint-etienne.fr' }) });
const ActionIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/).openapi({ param: { name: 'id', in: 'path' }, example: 'atlaas-2024-0001' }) });

const ActorSchema = z
  .object({
    id: z.string().openapi({ example: 'commune:42218' }),
    kind: z.enum(ATLAAS_ACTOR_KINDS),
    code: z.string().openapi({ description: 'INSEE code; SIREN for an EPCI.' }),
    name: z.string(),
    population: z.number().int().nullable(),
    postalCodes: z.array(z.string()),
    departement: z.string(),
    region: z.string(),
    siren: z.string(),
    epci: z.string().nullable().openapi({ description: "A commune's intercommunalité (actor id)." }),
    partOf: z.string().nullable().openapi({ description: 'For a commune déléguée, associée or an arrondissement: its commune today (actor id).' }),
    current: z.boolean().openapi({ description: 'False once the actor left the official divisions.' }),
    matchedBy: z.enum(['insee', 'former', 'postal', 'siren']).optional().openapi({ description: 'For a code search: which code it was.' }),
  })
  .openapi('AtlaasActor');

const LabelSchema = z
  .object({ year: z.number().int(), arobases: z.number().int().min(1).max(5), title: z.string(), mentions: z.array(z.string()) })
  .openapi('AtlaasLabel');

const ActionSchema = z
  .object({
    id: z.string(),
    actor: z.string(),
    title: z.string(),
    subtitle: z.string(),
    date: z.string(),
    year: z.number().int(),
    axis: z.enum(AXES),
    issues: z.array(z.string()),
    services: z.array(z.string()),
    summary: z.string(),
    done: z.string(),
    results: z.string(),
    recommendations: z.string(),
    links: z.array(z.string()),
    tools: z.array(z.string()),
    providers: z.array(z.string()),
  })
  .openapi('AtlaasAction');

const SiteSchema = z
  .object({ sourceId: z.string(), host: z.string(), path: z.string(), name: z.string(), status: z.string(), method: z.enum(['code', 'directory', 'hostname', 'name']), linkStatus: z.enum(['linked', 'confirmed']) })
  .openapi('AtlaasSite');

const CardSchema = z
  .object({
    actor: ActorSchema,
    partOf: ActorSchema.nullable(),
    epci: ActorSchema.nullable(),
    members: z.object({ total: z.number().int(), first: z.array(ActorSchema) }).nullable(),
    labels: z.array(LabelSchema),
    actions: z.array(z.object({ axis: z.enum(AXES), total: z.number().int(), latest: z.array(ActionSchema) })),
    sites: z.array(SiteSchema),
  })
  .openapi('AtlaasCard');

const HostAnswerSchema = z
  .object({
    host: z.string(),
    source: z.object({ id: z.string(), host: z.string(), name: z.string(), category: z.string() }),
    actors: z.array(z.object({ actor: ActorSchema, label: LabelSchema.nullable().openapi({ description: 'The latest label result, if any.' }), actions: z.number().int() })),
  })
  .openapi('AtlaasHostAnswer');

const page = <T extends z.ZodType>(key: string, item: T) => z.object({ total: z.number().int(), page: z.number().int(), perPage: z.number().int(), [key]: z.array(item) });

export function actorOut(row: ActorRow, matchedBy?: 'insee' | 'former' | 'postal' | 'siren'): z.infer<typeof ActorSchema> {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    population: row.population,
    postalCodes: row.postal_codes === '' ? [] : row.postal_codes.split(' '),
    departement: row.departement,
    region: row.region,
    siren: row.siren,
    epci: row.epci === '' ? null : `epci:${row.epci}`,
    partOf: row.parent === '' ? null : `commune:${row.parent}`,
    current: row.current === 1,
    ...(matchedBy === undefined ? {} : { matchedBy }),
  };
}

const list = (text: string) => JSON.parse(text) as string[];

export function labelOut(row: LabelRow): z.infer<typeof LabelSchema> {
  return { year: row.year, arobases: row.arobases, title: row.title, mentions: list(row.mentions) };
}

export function actionOut(row: ActionRow): z.infer<typeof ActionSchema> {
  return {
    id: row.id,
    actor: row.actor_id,
    title: row.title,
    subtitle: row.subtitle,
    date: row.date,
    year: row.year,
    axis: row.axis as (typeof AXES)[number],
    issues: list(row.issues),
    services: list(row.services),
    summary: row.summary,
    done: row.done,
    results: row.results,
    recommendations: row.recommendations,
    links: list(row.links),
    tools: list(row.tools),
    providers: list(row.providers),
  };
}

const badRequest = json(ErrorSchema, 'A query parameter is missing its shape, unknown, or out of bounds: `issues` says which and why');

const actorsRoute = createRoute({
  method: 'get',
  path: '/atlaas/actors',
  operationId: 'searchAtlaasActors',
  tags,
  security,
  summary: 'Find collectivités by name, code or département',
  request: { query: ActorsQuery },
  responses: { 200: json(page('actors', ActorSchema), 'A page of actors, exact names first, then the most populous'), 400: badRequest },
});

const cardRoute = createRoute({
  method: 'get',
  path: '/atlaas/actors/{id}',
  operationId: 'getAtlaasActor',
  tags,
  security,
  summary: "An actor's card: kind, population, intercommunalité, label history, actions by axis, trusted sites",
  request: { params: ActorIdParams, query: NoQuery },
  responses: { 200: json(CardSchema, 'The card'), 400: badRequest, 404: json(ErrorSchema, 'No such actor') },
});

const actionsRoute = createRoute({
  method: 'get',
  path: '/atlaas/actions',
  operationId: 'searchAtlaasActions',
  tags,
  security,
  summary: 'Search the digital actions: full text, axis, year, area, actor',
  request: { query: ActionsQuery },
  responses: { 200: json(page('actions', ActionSchema), 'A page of actions, best match (or newest) first'), 400: badRequest },
});

const actionRoute = createRoute({
  method: 'get',
  path: '/atlaas/actions/{id}',
  operationId: 'getAtlaasAction',
  tags,
  security,
  summary: 'One action',
  request: { params: ActionIdParams, query: NoQuery },
  responses: { 200: json(ActionSchema, 'The action'), 400: badRequest, 404: json(ErrorSchema, 'No such action') },
});

const hostRoute = createRoute({
  method: 'get',
  path: '/atlaas/by-host/{host}',
  operationId: 'getAtlaasActorsByHost',
  tags,
  security,
  summary: 'The actor (and its latest label) behind the trusted source a hostname belongs to',
  request: { params: HostParams, query: NoQuery },
  responses: {
    200: json(HostAnswerSchema, 'The source and its actors'),
    400: badRequest,
    404: json(ErrorSchema, '`not-trusted`: no active source holds this hostname; `no-actor`: its source is linked to no actor'),
  },
});

/** Registers the public routes on the API app; call it before the token authentication. */
export function atlaasApi(deps: AppDeps, api: OpenAPIHono<ApiEnv>) {
  const { db } = deps;
  api.use('/atlaas/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 86_400 }));
  // Answers (and their ETags) kept until the data changes; a 304 for a matching If-None-Match.
  api.use('/atlaas/*', responseCache(db, { cacheControl: CACHE }));

  api.openapi(actorsRoute, async (c) => {
    const query = c.req.valid('query');
    const found = await searchActors(db, query);
    return c.json({ total: found.total, page: query.page, perPage: query.perPage, actors: found.hits.map((hit) => actorOut(hit.actor, hit.matchedBy)) }, 200);
  });

  api.openapi(cardRoute, async (c) => {
    const card = await actorCard(db, c.req.valid('param').id);
    if (card === undefined) return c.json({ error: 'not-found' }, 404);
    return c.json(
      {
        actor: actorOut(card.actor),
        partOf: card.partOf === null ? null : actorOut(card.partOf),
        epci: card.epci === null ? null : actorOut(card.epci),
        members: card.members === null ? null : { total: card.members.total, first: card.members.first.map((row) => actorOut(row)) },
        labels: card.labels.map(labelOut),
        actions: card.actions.map((group) => ({ axis: group.axis, total: group.total, latest: group.latest.map(actionOut) })),
        sites: card.sites.map((site) => ({ ...site, linkStatus: site.linkStatus === 'confirmed' ? ('confirmed' as const) : ('linked' as const) })),
      },
      200,
    );
  });

  api.openapi(actionsRoute, async (c) => {
    const query = c.req.valid('query');
    const found = await searchActions(db, query);
    return c.json({ total: found.total, page: query.page, perPage: query.perPage, actions: found.actions.map(actionOut) }, 200);
  });

  api.openapi(actionRoute, async (c) => {
    const row = await db.selectFrom('atlaas_actions').selectAll().where('id', '=', c.req.valid('param').id).executeTakeFirst();
    return row === undefined ? c.json({ error: 'not-found' }, 404) : c.json(actionOut(row), 200);
  });

  api.openapi(hostRoute, async (c) => {
    const host = normalizeHostname(c.req.valid('param').host);
    if (host === null) return c.json({ error: 'invalid-request', issues: [{ field: 'host', code: 'invalid', message: 'Nom d’hôte invalide.' }] }, 400);
    const found = await actorsOfHost(db, host);
    if (found.source === null) return c.json({ error: 'not-trusted' }, 404);
    if (found.actors.length === 0) return c.json({ error: 'no-actor' }, 404);
    return c.json(
      {
        host,
        source: found.source,
        actors: found.actors.map((entry) => ({ actor: actorOut(entry.actor), label: entry.label === null ? null : labelOut(entry.label), actions: entry.actions })),
      },
      200,
    );
  });

  api.all('/atlaas/*', (c) => c.json({ error: 'not-found' }, 404));
}
