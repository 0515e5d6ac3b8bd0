import { showAbout } from '../../pages/about-view.ts';

showAbout(document);
