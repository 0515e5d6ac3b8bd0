/**
 * The crawl benchmark's simulated web, in its own process (so that the crawler's memory and CPU
 * are measured apart): HTTPS and HTTP servers on loopback answering for every host by its Host
 * header, as crawl-hosts.ts says. Prints its ports and certificates as one JSON line.
 */
import type { ServerResponse } from 'node:http';
import { htmlPage, startSimulatedWeb } from '../../curation-server/crawler/testing/simulated-web.ts';
import { AWAY_DOMAIN, awayHost, behaviourOf, indexOfHost, SOURCE_DOMAIN } from './crawl-hosts.ts';

const later = (ms: number, answer: () => void) => setTimeout(answer, ms);
const page = (response: ServerResponse, title: string) =>
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(htmlPage(title, `<h1>${title}</h1><p>Bienvenue sur le site de la commune : démarches, état civil, écoles, associations, agenda.</p><a href="https://www.service-public.fr/">Service-public.fr</a><a href="/mentions-legales">Mentions légales</a>`));

const web = await startSimulatedWeb({
  quiet: true,
  tlsNames: [`*.${SOURCE_DOMAIN}`, `*.${AWAY_DOMAIN}`],
  site: (host) => {
    const index = indexOfHost(host);
    if (index === null) return undefined;
    const away = host.endsWith(`.${AWAY_DOMAIN}`);
    const behaviour = behaviourOf(index);
    return (request, response) => {
      if (away) return void later(60, () => page(response, `Nouveau site ${index}`));
      const robots = request.url === '/robots.txt';
      switch (behaviour.kind) {
        case 'hang':
          return;
        case 'refuse':
          return void response.destroy();
        case 'error':
          return void later(behaviour.delayMs, () => response.writeHead(behaviour.status, { 'content-type': 'text/html' }).end('<h1>Erreur</h1>'));
        case 'ok':
          if (robots) return void later(behaviour.delayMs, () => (behaviour.robots ? response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /admin/\n') : response.writeHead(404).end()));
          return void later(behaviour.delayMs, () => page(response, `Mairie ${index}`));
        case 'redirect-away':
          if (robots) return void later(behaviour.delayMs, () => response.writeHead(404).end());
          return void later(behaviour.delayMs, () => response.writeHead(301, { location: `https://${awayHost(index)}/` }).end());
        case 'redirect-within':
          if (robots) return void later(behaviour.delayMs, () => response.writeHead(404).end());
          if (request.url === '/accueil') return void later(behaviour.delayMs, () => page(response, `Mairie ${index}`));
          return void later(behaviour.delayMs, () => response.writeHead(302, { location: '/accueil' }).end());
      }
    };
  },
});
console.log(JSON.stringify({ httpsPort: web.httpsPort, httpPort: web.httpPort, certificates: web.certificates }));
process.on('SIGTERM', () => void web.close().then(() => process.exit(0)));
