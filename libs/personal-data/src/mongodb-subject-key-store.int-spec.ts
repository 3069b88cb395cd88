import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoSubjectKeyStore } from './mongodb-subject-key-store.js';
import { describeKeyStoreContract } from './testing/key-store.contract.js';

const url = process.env.MONGODB_URL;
const database = `lagesbild_keys_${randomUUID().replaceAll('-', '').slice(0, 16)}`;

describeKeyStoreContract('MongoDB', {
  create: async () => MongoSubjectKeyStore.open(url!, { database }),
  dispose: async () => {
    const client = await MongoClient.connect(url!);
    try {
      await client.db(database).dropDatabase();
    } finally {
      await client.close();
    }
  },
  ...(url ? {} : { skipReason: 'MONGODB_URL is not set; start docker/docker-compose.yml and set it to run' }),
});
