import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          benchmark: { include: [] },
        },
      },
      {
        extends: true,
        test: {
          name: 'course',
          include: ['tests/course/**/*.test.ts'],
          environment: 'node',
          // Every lesson boots a machine and runs real Python: be generous.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          benchmark: { include: [] },
        },
      },
      {
        extends: true,
        test: {
          name: 'fidelity',
          include: ['tests/fidelity/**/*.test.ts'],
          environment: 'node',
          // Hundreds of cases, each run through real bash and the simulated machine.
          testTimeout: 600_000,
          hookTimeout: 120_000,
          benchmark: { include: [] },
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: [],
          environment: 'node',
          benchmark: { include: ['tests/bench/**/*.bench.ts'] },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
