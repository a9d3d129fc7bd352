package dev.kakehashi.consortium;

public enum MemberStatus {
    INVITED, ACTIVE, DECLINED, WITHDRAWN
}
