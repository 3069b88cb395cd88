import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeViewStoreContract } from '../testing/view-store.contract.js';
import { MongoViewStore } from './mongodb-view-store.js';

const url = process.env.MONGODB_URL;
/** Each store the suite opens gets a database of its own, dropped after the suite. */
const databases: string[] = [];

describeViewStoreContract('MongoDB', {
  create: async () => {
    const database = `lagesbild_contract_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    databases.push(database);
    return MongoViewStore.connect(url!, { database });
  },
  dispose: async () => {
    const client = await MongoClient.connect(url!);
    try {
      for (const database of databases) await client.db(database).dropDatabase();
    } finally {
      await client.close();
    }
  },
  ...(url ? {} : { skipReason: 'MONGODB_URL is not set; start docker/docker-compose.yml and set it to run' }),
});
