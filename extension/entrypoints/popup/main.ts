import { showPopup } from '../../popup/popup-view.ts';

void showPopup(document);
