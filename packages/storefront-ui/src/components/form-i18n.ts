import { useT } from '../i18n/context.js';
import { installFormTexts } from './form.js';

// form.tsx is bundled into islands and so cannot import the catalogue; on the server (this file
// is loaded with the pages, by render.tsx) its parts write the page's language through useT.
installFormTexts(useT);
