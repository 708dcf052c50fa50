import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Files that build no site and open no browser: the model, the views, the page functions,
 * the guards, and the CLI's commands other than build. They run in parallel, beside the site
 * files: builds run one at a time (see below), and unit files take the cores a build or a
 * browser test leaves (on two cores, the whole run took 476 s instead of 556 s with them first).
 */
const UNIT = [
  'test/model/**/*.test.ts',
  'test/pages/**/*.test.ts',
  'test/guards/**/*.test.ts',
  'test/diagrams/views.test.ts',
  'test/diagrams/escaping.test.ts',
  'test/diagrams/figure.test.ts',
  'test/diagrams/drawn.test.ts',
  'test/site/search-view.test.ts',
  'test/site/register-table.test.ts',
  'test/site/page-store.test.ts',
  'test/site/search-mirror.test.ts',
  'test/site/phase-clock.test.ts',
  'test/site/contract-history.test.ts',
  'test/site/page-threads.test.ts',
  'test/site/pipeline-loader.test.ts',
  'test/site/dev-server.test.ts',
  'test/cli/args.test.ts',
  'test/cli/base.test.ts',
  'test/cli/change-report.test.ts',
  'test/cli/check.test.ts',
  'test/cli/new.test.ts',
  'test/cli/watch.test.ts',
  'test/cli/import.test.ts',
  'test/cli/drift.test.ts',
  'test/cli/mcp.test.ts',
  'test/bench/**/*.test.ts',
  'test/sync/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One temporary folder for the run, removed at its end (see the file).
    globalSetup: ['test/helpers/temp-root.ts'],
    projects: [
      {
        extends: true,
        // A worker per core (Vitest's default leaves one core free). The files share their
        // workers and the modules loaded in them (`isolate: false`): none changes the process
        // (its folder, its environment, a mocked module), and each one loading the model,
        // the views and the page functions afresh cost a quarter of their time (107 s against
        // 81 s alone on two cores, 207 against 154 s of CPU).
        test: { name: 'unit', include: UNIT, maxWorkers: os.availableParallelism(), isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'sites',
          include: ['test/**/*.test.ts'],
          exclude: UNIT,
          // A file per core: one file's browser tests run while another builds. Builds still run
          // one at a time, as the project allows (cli/build-lock.ts): each waits for its turn
          // (test/helpers/build-turn.ts).
          maxWorkers: os.availableParallelism(),
          // A test that builds waits first for another file's build to end (its turn), and a
          // build of the example with nothing cached took 35 to 40 s beside a browser test: the
          // minute the unit files are allowed was too short (the CLI's own limit is 5 minutes).
          testTimeout: 300_000,
          // A browser answers late while another file builds beside it on the same cores: what a
          // page is polled for may take more than the second Vitest waits by default. Each poll
          // still fails when the page never gets there.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
