// Every page in Hindi, JavaScript on and off, at 360 px: axe-core and no English left. See
// support/audit-suite.ts.
import { auditSuite } from './support/audit-suite.js';

auditSuite(['hi'], { withKeyboard: false });
