package com.storecrm.admin.onboarding;

/** The online platforms a store can run on; the Kanban filters by them. */
public enum StorePlatform {
    TMALL, TAOBAO, JD, ALIBABA_1688, WECHAT, DOUYIN, PINDUODUO, OWN_WEBSITE, OFFLINE, OTHER
}
