import fs from 'node:fs';
import path from 'node:path';

export interface Settings {
  language: 'zh' | 'en' | null;
}

/** App settings kept as JSON in the data folder (the UI language, so the native menu can follow it). */
export class SettingsFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
  }

  read(): Settings {
    try {
      const raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { language?: unknown };
      return { language: raw.language === 'zh' || raw.language === 'en' ? raw.language : null };
    } catch {
      return { language: null };
    }
  }

  write(change: Partial<Settings>): Settings {
    const next = { ...this.read(), ...change };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(next, null, 2));
    return next;
  }
}
