// The SSRF guard's address classification: what a webhook may never reach.
import t from 'tap';
import { isPublicAddress } from '../src/index.js';

t.test('private, loopback, link-local, CGNAT, multicast, reserved and their IPv6 forms are not public', async (t) => {
  const blocked = [
    '127.0.0.1', '127.255.255.254', '0.0.0.0', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.1.1',
    '169.254.169.254', '100.64.0.1', '100.127.255.255', '224.0.0.1', '239.255.255.250', '240.0.0.1', '255.255.255.255',
    '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1', '192.0.0.8',
    '::', '::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '::ffff:10.1.2.3', '64:ff9b::127.0.0.1', '64:ff9b::a00:1',
    'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1', '::127.0.0.1', '2002:7f00:1::', '2001:0:4136::1', '100::1',
    '[::1]', 'localhost', 'example.com', '', '1.2.3', '999.1.1.1',
  ];
  for (const address of blocked) t.notOk(isPublicAddress(address), `${address} is refused`);
});

t.test('public unicast addresses pass', async (t) => {
  for (const address of ['93.184.216.34', '8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '11.0.0.1', '2606:4700:4700::1111', '2a00:1450:4001:82a::200e', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8']) {
    t.ok(isPublicAddress(address), `${address} is public`);
  }
});

t.test('review #6: local-use NAT64, IPv4-translated and the other special prefixes are refused', async (t) => {
  const blocked = [
    '64:ff9b:1::a9fe:a9fe', '64:ff9b:1::8.8.8.8', '64:ff9b:1:ffff::1', '::ffff:0:a9fe:a9fe', '::ffff:0:8.8.8.8', '::ffff:0:0:1',
    '3fff::1', '3fff:fff::1', '5f00::1', '5f00:ffff::1', '2001:10::1', '2001:1f::1', '2001:20::1', '2001:2f::1',
    '192.31.196.1', '192.52.193.1', '192.175.48.1', '255.255.255.255',
  ];
  for (const address of blocked) t.notOk(isPublicAddress(address), `${address} is refused`);
  for (const address of ['3fff:1000::1', '2001:30::1', '5f01::1', '192.31.197.1', '64:ff9b:2::1', '2606:4700::1']) {
    t.ok(isPublicAddress(address), `${address} stays public`);
  }
});
