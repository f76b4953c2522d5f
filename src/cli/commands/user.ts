// `firstdose user add | verify | grant | list`: accounts and roles, for the administrator at the
// server. Like the storage commands, each opens --data DIR (or DATABASE_URL) and a store failure
// exits 1 with one line. --as names the acting user for the audit trail: whoever runs this has
// the database itself in hand, so it is recorded, not authenticated. A password never comes
// from the command line (it would stay in the shell history and the process list): it is read
// from FIRSTDOSE_PASSWORD or standard input.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Command, } from 'commander';
import { issue } from '../../domain/result.ts';
import { type Language, type Translate, translator } from '../../i18n/index.ts';
import {
  type Db,
  type Role,
  attestSignature,
  checkPasswordPolicy,
  createUser,
  grantRole,
  listUsers,
  normaliseUsername,
  roles,
  verifyIdentity,
} from '../../store/index.ts';
import { CliError } from '../cli-error.ts';
import type { Output } from '../io.ts';
import { guarded, studyOption as studyByCode, withStore as withOpenStore } from '../store-session.ts';

interface Flags {
  readonly data?: string;
  readonly json?: boolean;
  readonly as?: string;
  readonly reason?: string;
}

/** Standard input, or a stand-in in tests. */
export type PasswordInput = NodeJS.ReadableStream & { readonly isTTY?: boolean };


function askHidden(input: PasswordInput, prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function firstLine(input: PasswordInput): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(t: Translate, username: string, env: NodeJS.ProcessEnv, input: PasswordInput): Promise<string> {
  const fromEnv = env.FIRSTDOSE_PASSWORD;
  if (fromEnv) return fromEnv;
  if (input.isTTY) {
    const first = await askHidden(input, t('cli.user.password.prompt', { username }));
    if (first !== (await askHidden(input, t('cli.user.password.again')))) throw new CliError([issue(['password'], 'user_password_mismatch')]);
    return first;
  }
  const line = await firstLine(input);
  if (line === '') throw new CliError([issue(['password'], 'user_password_missing')]);
  return line;
}

const actor = (flags: Flags) => ({ user: flags.as ?? '', ...(flags.reason ? { reason: flags.reason } : {}) });

async function siteByCode(db: Db, study: { id: string; code: string }, code: string): Promise<string> {
  const [found] = await db.query<{ id: string }>('SELECT id FROM site WHERE study_id = $1 AND code = $2', [study.id, code]);
  if (!found) throw new CliError([issue(['--site'], 'user_site_unknown', { value: code, study: study.code })]);
  return found.id;
}

export function registerUserCommands(program: Command, language: Language, io: Output, env: NodeJS.ProcessEnv = process.env, input: PasswordInput = process.stdin): void {
  const t = translator(language);
  /** Opens the store for one command; refusals and database failures end it with exit 1. */
  const withStore = (flags: Flags, action: (db: Db) => Promise<void>) =>
    guarded(io, t, language, () => withOpenStore(flags, env, action));
  const user = program.command('user').description(t('cli.user.description'));
  const common = (c: Command) => c.option('--data <dir>', t('cli.store.option.data')).option('--json', t('cli.option.json'));
  const acting = (c: Command) => common(c).requiredOption('--as <user>', t('cli.user.option.as')).option('--reason <text>', t('cli.user.option.reason'));

  acting(user.command('add').description(t('cli.user.add.description')).argument('<username>', t('cli.user.add.username')))
    .requiredOption('--name <full name>', t('cli.user.option.name'))
    .action(async (username: string, flags: Flags & { name: string }) => {
      // The password is read and checked before the database is opened: a typo costs nothing.
      const password = await readPassword(t, username, env, input);
      await guarded(io, t, language, async () => checkPasswordPolicy(normaliseUsername(username), password));
      await withStore(flags, async (db) => {
        const created = await createUser(db, actor(flags), { username, fullName: flags.name, password });
        io.out(flags.json ? JSON.stringify({ user: created }) : t('cli.user.add.done', { username: created.username, fullName: created.fullName }));
      });
    });

  acting(user.command('verify').description(t('cli.user.verify.description')).argument('<username>', t('cli.user.username'))).action((username: string, flags: Flags) =>
    withStore(flags, async (db) => {
      const verified = await verifyIdentity(db, actor(flags), username);
      const at = verified.identityVerifiedAt!.toISOString();
      io.out(flags.json ? JSON.stringify({ user: verified }) : t('cli.user.verify.done', { username: verified.username, fullName: verified.fullName, by: verified.identityVerifiedBy, at }));
    }),
  );

  user
    .command('attest')
    .description(t('cli.user.attest.description'))
    .argument('<username>', t('cli.user.username'))
    .option('--data <dir>', t('cli.store.option.data'))
    .option('--json', t('cli.option.json'))
    .action((username: string, flags: Flags) =>
      withStore(flags, async (db) => {
        const signed = await attestSignature(db, { username, password: await readPassword(t, username, env, input) });
        io.out(flags.json ? JSON.stringify({ signature: signed }) : t('cli.user.attest.done', { username, fullName: signed.fullName, at: signed.createdAt.toISOString() }));
      }),
    );

  acting(user.command('grant').description(t('cli.user.grant.description')).argument('<username>', t('cli.user.username')).argument('<role>', t('cli.user.grant.role', { roles: roles.join(', ') })))
    .option('--site <code>', t('cli.user.option.site'))
    .option('--study <code>', t('cli.user.option.study'))
    .action((username: string, role: string, flags: Flags & { site?: string; study?: string }) => {
      if (!(roles as readonly string[]).includes(role)) throw new CliError([issue(['ROLE'], 'invalid_choice', { value: role, allowed: [...roles] })]);
      return withStore(flags, async (db) => {
        const study = await studyByCode(db, flags.study);
        const siteId = flags.site === undefined ? null : await siteByCode(db, study, flags.site);
        const granted = await grantRole(db, actor(flags), { username, studyId: study.id, siteId, role: role as Role });
        const where = flags.site ?? t('cli.user.grant.study-wide');
        io.out(
          flags.json
            ? JSON.stringify({ role: { ...granted, studyCode: study.code, siteCode: flags.site ?? null } })
            : t('cli.user.grant.done', { username, role: t(`access.role.${role}`), study: study.code, where }),
        );
      });
    });

  common(user.command('list').description(t('cli.user.list.description'))).action((flags: Flags) =>
    withStore(flags, async (db) => {
      const users = await listUsers(db);
      if (flags.json) return io.out(JSON.stringify({ users }));
      if (users.length === 0) return io.out(t('cli.user.list.empty'));
      for (const u of users) {
        const state = [
          u.active ? 'active' : 'inactive',
          u.identityVerifiedAt ? 'verified' : 'unverified',
          u.signatureAttestedAt ? 'attested' : 'not-attested',
          ...(u.locked ? ['locked'] : []),
        ].map((s) => t(`cli.user.state.${s}`));
        const held = u.roles.map((r) => `${t(`access.role.${r.role}`)} @ ${r.study}${r.site ? `/${r.site}` : ''}`);
        io.out(t('cli.user.list.line', { username: u.username, fullName: u.fullName, state: state.join(', '), roles: held.length ? held.join('; ') : t('cli.user.list.no-roles') }));
      }
    }),
  );
}
