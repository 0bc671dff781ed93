import fs from 'node:fs';
import path from 'node:path';
import type { ProjectInfo } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { ProjectStore } from '../../data/project/project-store.ts';
import { generateJiaxingDemo } from '../../seeds/jiaxing/index.ts';
import { RecentProjects } from './recent-projects.ts';

export type ProjectTemplate = 'demo' | 'empty';

/** Creates a project file from a template: the synthetic Jiaxing demo, or no layers at all. */
export function createProjectFile(file: string, template: ProjectTemplate, overwrite = false): ProjectStore {
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const name = path.basename(abs, path.extname(abs));
  return ProjectStore.create(abs, {
    name: template === 'demo' ? '嘉兴城市更新示范项目' : name,
    demo: template === 'demo',
    layers: template === 'demo' ? generateJiaxingDemo() : [],
    overwrite,
  });
}

/**
 * The project the app has open. Switching opens the new file first and closes the old one only when
 * that worked, so a bad file never costs the user the project they had.
 */
export class ProjectSession {
  private store: ProjectStore | null = null;
  readonly recent: RecentProjects;

  constructor(dataDir: string) {
    this.recent = new RecentProjects(dataDir);
  }

  get current(): ProjectStore {
    if (!this.store) throw new AtlasError('no_project', 'No project is open', {});
    return this.store;
  }

  open(file: string): ProjectInfo {
    return this.replace(ProjectStore.open(file));
  }

  /** Opens `file`, creating it from the demo template first when it does not exist yet. */
  openOrCreateDemo(file: string): ProjectInfo {
    return fs.existsSync(file) ? this.open(file) : this.replace(createProjectFile(file, 'demo'));
  }

  create(file: string, template: ProjectTemplate, overwrite = false): ProjectInfo {
    return this.replace(createProjectFile(file, template, overwrite));
  }

  /** Copies the open project to `file` and continues in the copy (as Save As does in QGIS). */
  saveAs(file: string, overwrite = false): ProjectInfo {
    const abs = path.resolve(file);
    this.current.saveAs(abs, overwrite);
    return this.open(abs);
  }

  close(): void {
    this.store?.close();
    this.store = null;
  }

  private replace(next: ProjectStore): ProjectInfo {
    if (this.store && this.store !== next) this.store.close();
    this.store = next;
    const info = next.info();
    this.recent.add(info.path, info.name);
    return info;
  }
}
