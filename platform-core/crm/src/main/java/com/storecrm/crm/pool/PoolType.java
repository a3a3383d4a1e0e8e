package com.storecrm.crm.pool;

/** Whether members may claim the pool's leads themselves or only its administrators assign them. */
public enum PoolType { CLAIMABLE, ASSIGN_ONLY }
