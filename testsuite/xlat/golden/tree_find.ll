define hidden range(i32 1, 0) i32 @fvp_100b0_tree_find(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8, !tbaa !5
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8, !tbaa !5
  %2 = getelementptr inbounds i8, ptr %cpu, i64 88
  %x11 = load i64, ptr %2, align 8, !tbaa !5
  %3 = getelementptr inbounds i8, ptr %cpu, i64 120
  %x15 = load i64, ptr %3, align 8, !tbaa !5
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p14 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p14, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !8

b_100b2:                                          ; preds = %stop19, %loop_100b2
  %base.inrange = icmp ugt i64 %x10.slot.0, 274877908992
  br i1 %base.inrange, label %fault, label %mem.ok, !prof !9

loop_100b2:                                       ; preds = %cont28, %entry.switch
  %x10.slot.0 = phi i64 [ %x10, %entry.switch ], [ %ld48, %cont28 ]
  %req18 = load volatile i32, ptr %req.p, align 4
  %"stop?20.not" = icmp eq i32 %req18, 0
  br i1 %"stop?20.not", label %b_100b2, label %stop19, !prof !8

b_100c0:                                          ; preds = %cont28
  %4 = and i64 %x1, -2
  br label %exit

common.ret:                                       ; preds = %stop19, %fault, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ 7, %fault ], [ %poll, %stop19 ]
  ret i32 %common.ret.op

exit:                                             ; preds = %start, %taken27, %b_100c0, %taken
  %x10.slot.1 = phi i64 [ %x10, %start ], [ 0, %taken ], [ 1, %taken27 ], [ 0, %b_100c0 ]
  %x15.slot.0 = phi i64 [ %x15, %start ], [ %x15, %taken ], [ %x11, %taken27 ], [ %ld, %b_100c0 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %6, %taken ], [ %8, %taken27 ], [ %4, %b_100c0 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %taken ], [ 4, %taken27 ], [ 4, %b_100c0 ]
  store i64 %x10.slot.1, ptr %1, align 8, !tbaa !5
  store i64 %x15.slot.0, ptr %3, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p14, align 8, !tbaa !5
  br label %common.ret

fault:                                            ; preds = %b_100b2
  store i64 65714, ptr %pc.p14, align 8, !tbaa !5
  %cause.p11 = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 13, ptr %cause.p11, align 8, !tbaa !5
  %tval.p12 = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %x10.slot.0, ptr %tval.p12, align 8, !tbaa !5
  %pending.p13 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p13, align 4
  br label %common.ret

entry.switch:                                     ; preds = %start
  %5 = icmp eq i64 %x10, 0
  br i1 %5, label %taken, label %loop_100b2

taken:                                            ; preds = %entry.switch
  %6 = and i64 %x1, -2
  br label %exit

stop19:                                           ; preds = %loop_100b2
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 65714, ptr %pc.p14, align 8, !tbaa !5
  %poll = tail call i32 @fvp_poll(ptr nonnull %cpu) #2
  %poll.back = icmp eq i32 %poll, 0
  br i1 %poll.back, label %b_100b2, label %common.ret

mem.ok:                                           ; preds = %b_100b2
  %host = getelementptr i8, ptr %mem_base, i64 %x10.slot.0
  %ld = load i64, ptr %host, align 1, !tbaa !10
  %7 = icmp eq i64 %ld, %x11
  br i1 %7, label %taken27, label %cont28

taken27:                                          ; preds = %mem.ok
  %8 = and i64 %x1, -2
  br label %exit

cont28:                                           ; preds = %mem.ok
  %.not = icmp ult i64 %x11, %ld
  %. = select i1 %.not, i64 8, i64 16
  %host47 = getelementptr i8, ptr %host, i64 %.
  %ld48 = load i64, ptr %host47, align 1, !tbaa !10
  %.not69 = icmp eq i64 %ld48, 0
  br i1 %.not69, label %b_100c0, label %loop_100b2
}
