import { TSC_2017 } from '../catalog/tsc2017';
import { configText } from '../scaffold/config-text';

/**
 * soc2.yaml for a repo an import creates: Type 1 (the period of a Type 2 report is not in any source),
 * with the categories the imported documents map. The import report says both are guesses.
 */
export function importedConfig(organization: string, criteria: Iterable<string>, today: string): { text: string; categories: string[] } {
  const byId = new Map<string, string>(TSC_2017.criteria.map((c) => [c.id, c.category]));
  const categories: string[] = ['security', ...new Set([...criteria].map((c) => byId.get(c)).filter((c): c is string => !!c && c !== 'security'))];
  const order: string[] = TSC_2017.categories.map((c) => c.id);
  categories.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { text: configText({ organization, reportType: 1, categories, owner: 'TODO', today, templates: [] }, categories), categories };
}
