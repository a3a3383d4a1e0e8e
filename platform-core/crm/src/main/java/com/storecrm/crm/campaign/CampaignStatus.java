package com.storecrm.crm.campaign;

public enum CampaignStatus { PLANNED, ACTIVE, COMPLETED, CANCELLED }
