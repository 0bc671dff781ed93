import fs from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../../shared/api/contract.ts';

const MAX_RECENT = 10;

/** The recently opened projects, kept as JSON in the data folder (most recent first). */
export class RecentProjects {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent-projects.json');
  }

  list(): RecentProject[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (r): r is RecentProject => typeof r?.path === 'string' && typeof r?.name === 'string' && typeof r?.openedAt === 'string',
      );
    } catch {
      return [];
    }
  }

  add(projectPath: string, name: string): RecentProject[] {
    const next = [{ path: projectPath, name, openedAt: new Date().toISOString() }, ...this.list().filter((r) => r.path !== projectPath)].slice(0, MAX_RECENT);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(next, null, 2));
    return next;
  }
}
