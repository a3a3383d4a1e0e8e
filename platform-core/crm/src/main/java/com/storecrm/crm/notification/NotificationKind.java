package com.storecrm.crm.notification;

/** What a notification tells its recipient. */
public enum NotificationKind { ASSIGNED, CLAIMED, RETURNED, RECLAIMED, AUTO_RETURNED, RETURN_WARNING, OVERDUE, FOLLOW_UP_DUE }
