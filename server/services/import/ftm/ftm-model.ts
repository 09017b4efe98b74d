/** The FollowTheMoney model as its own package ships it: schemata, properties and the entity parser. */
import { Model, defaultModel } from '@alephdata/followthemoney';

let model: Model | null = null;

/** Built on first use (not at import time): some 70 schemata and their properties. */
export function ftmModel(): Model {
  model ??= new Model(defaultModel);
  return model;
}
