// Every page in English, JavaScript on and off, at 360 px (axe-core), the keyboard walk, and the
// checks of the checks: see support/audit-suite.ts.
import { auditSuite } from './support/audit-suite.js';

auditSuite(['en'], { withKeyboard: true });
