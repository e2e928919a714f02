#!/usr/bin/env node
// Staff accounts from the shell (npm run staff -- …), on the database the
// server uses (DATABASE_URL, or DATA_DIR's SQLite file):
//   add <email> --role viewer|handler|admin [--password]   prints a one-time setup link
//                                                         (--password: a random initial password instead)
//   list | disable <email> | enable <email> | reset <email> | role <email> <role>
// Every change is in the staff audit trail with actor "cli".
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { settingsFromEnv } from './config.js';
import { openStorage } from './storage/index.js';
import { staffAccounts, ROLES } from './staff/accounts.js';

const USAGE = `usage: npm run staff -- add <email> --role ${ROLES.join('|')} [--password]
       npm run staff -- list
       npm run staff -- disable|enable|reset <email>
       npm run staff -- role <email> <${ROLES.join('|')}>`;

/** @param {string} message */
function fail(message) {
  console.error(`staff: ${message}\n${USAGE}`);
  process.exit(2);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { role: { type: 'string' }, password: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
const [command, email, extra] = positionals;
if (values.help || !command) { console.log(USAGE); process.exit(command ? 0 : 2); }

let settings;
try { settings = settingsFromEnv(process.env); } catch (error) { fail(/** @type {Error} */ (error).message); }
const storage = await openStorage({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, poolSize: 1 });
const accounts = staffAccounts({ store: storage.console, now: () => new Date(), settings });

/** @param {string | undefined} address */
async function existing(address) {
  if (!address) fail('give the staff member\'s e-mail address');
  const staff = await accounts.byEmail(/** @type {string} */ (address));
  if (!staff) fail(`no staff account has the address ${address}`);
  return staff;
}
/** @param {{ staff?: any, error?: string } | null} result */
function report(result) {
  if (result?.error === 'last_admin') fail('that is the last active admin: make someone else admin first');
  const { staff } = /** @type {{ staff: any }} */ (result);
  console.log(`${staff.email}  ${staff.role}  ${staff.state}`);
}

try {
  switch (command) {
    case 'add': {
      if (!email) fail('give the new staff member\'s e-mail address');
      if (!values.role || !ROLES.includes(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`);
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail(`"${email}" is not an e-mail address`);
      const password = values.password ? randomBytes(15).toString('base64url') : undefined;
      const added = await accounts.add({ email, role: /** @type {string} */ (values.role), password });
      if (!added) fail(`${email} already has an account (use reset for a new setup link)`);
      const { staff, setupLink, setupLinkExpiresAt } = /** @type {NonNullable<typeof added>} */ (added);
      console.log(`Added ${staff.email} as ${staff.role}.`);
      if (password) console.log(`Initial password (shown once; ask them to change it after signing in): ${password}`);
      else console.log(`One-time setup link (valid until ${setupLinkExpiresAt}):\n${setupLink}`);
      break;
    }
    case 'list':
      for (const staff of await accounts.list()) {
        console.log(`${staff.email}  ${staff.role}  ${staff.state}  last sign-in ${staff.lastSignInAt ?? 'never'}`);
      }
      break;
    case 'disable':
    case 'enable':
      report(await accounts.setDisabled((await existing(email)).id, command === 'disable'));
      break;
    case 'role':
      if (!extra || !ROLES.includes(extra)) fail(`the role must be one of ${ROLES.join(', ')}`);
      report(await accounts.setRole((await existing(email)).id, /** @type {string} */ (extra)));
      break;
    case 'reset': {
      const reset = await accounts.reset((await existing(email)).id);
      console.log(`Password and sessions of ${email} revoked. One-time setup link (valid until ${reset?.setupLinkExpiresAt}):\n${reset?.setupLink}`);
      break;
    }
    default:
      fail(`unknown command "${command}"`);
  }
} finally {
  await storage.close();
}
