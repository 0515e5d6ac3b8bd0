import { showOptions } from '../../options/options-view.ts';

void showOptions(document);
