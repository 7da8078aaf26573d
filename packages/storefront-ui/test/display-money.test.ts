import t from 'tap';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { displayMoney } from '../src/components/display-money.js';

t.test('paise only when there are some; core\'s formatMoney unchanged', async (t) => {
  t.equal(displayMoney(19900, 'INR'), '₹199');
  t.equal(displayMoney(19950, 'INR'), '₹199.50');
  t.equal(displayMoney(19905, 'INR'), '₹199.05');
  t.equal(displayMoney(12990000, 'INR'), '₹1,29,900', 'Indian grouping kept');
  t.equal(displayMoney(0, 'INR'), '₹0');
  t.equal(displayMoney(-500, 'INR'), '-₹5');
  t.equal(displayMoney(1500, 'JPY'), '¥1,500', 'no minor unit: nothing to trim');
  t.match(displayMoney(3000, 'KWD'), /^KWD\s3$/u, 'three decimals, all zero');
  t.match(displayMoney(3500, 'KWD'), /^KWD\s3\.500$/u);
  t.equal(formatMoney(19900, 'INR'), '₹199.00', 'core still prints the paise');
});
