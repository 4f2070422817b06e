import { MemoryDashboardStore } from '../../src/adapters/memory/memory-dashboard-store.js';
import { describeDashboardStoreContract } from '../support/dashboard-store-contract.js';

describeDashboardStoreContract('MemoryDashboardStore', async () => new MemoryDashboardStore());
