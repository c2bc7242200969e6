define hidden range(i32 4, 10) i32 @fvp_100b0_caller(ptr %cpu) local_unnamed_addr #0 {
start:
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %instret.p, align 8
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8
  %1 = getelementptr inbounds i8, ptr %cpu, i64 16
  %x2 = load i64, ptr %1, align 8
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %2, align 8
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %pc.p23 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p23, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

b_100b0:                                          ; preds = %entry.switch
  %3 = add i64 %x2, -8
  %inrange = icmp ult i64 %3, 274877906937
  br i1 %inrange, label %mem.ok, label %fault

b_100b8:                                          ; preds = %entry.switch
  %4 = add i64 %x2, 8
  %inrange38 = icmp ult i64 %4, 274877906937
  br i1 %inrange38, label %mem.ok39, label %fault

common.ret59:                                     ; preds = %exit, %fault, %fvp_100c0_callee.exit
  %common.ret59.op = phi i32 [ %exit.reason.i, %fvp_100c0_callee.exit ], [ %exit.reason, %exit ], [ 7, %fault ]
  ret i32 %common.ret59.op

exit:                                             ; preds = %start, %mem.ok39
  %x1.slot.0 = phi i64 [ %x1, %start ], [ %ld, %mem.ok39 ]
  %x2.slot.0 = phi i64 [ %x2, %start ], [ %8, %mem.ok39 ]
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %7, %mem.ok39 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %9, %mem.ok39 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %mem.ok39 ]
  %exit.count = phi i64 [ 0, %start ], [ 4, %mem.ok39 ]
  %instret.n = add i64 %exit.count, %instret
  store i64 %instret.n, ptr %instret.p, align 8, !tbaa !5
  store i64 %x1.slot.0, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p23, align 8, !tbaa !5
  br label %common.ret59

fault:                                            ; preds = %b_100b8, %b_100b0
  %trap.pc15 = phi i64 [ 65714, %b_100b0 ], [ 65722, %b_100b8 ]
  %trap.cause16 = phi i64 [ 15, %b_100b0 ], [ 13, %b_100b8 ]
  %trap.tval17 = phi i64 [ %3, %b_100b0 ], [ %4, %b_100b8 ]
  store i64 %trap.pc15, ptr %pc.p23, align 8, !tbaa !5
  %cause.p20 = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 %trap.cause16, ptr %cause.p20, align 8, !tbaa !5
  %tval.p21 = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %trap.tval17, ptr %tval.p21, align 8, !tbaa !5
  %pending.p22 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p22, align 4
  br label %common.ret59

entry.switch:                                     ; preds = %start
  %cond = icmp eq i64 %pc, 65720
  br i1 %cond, label %b_100b8, label %b_100b0

mem.ok:                                           ; preds = %b_100b0
  %5 = add nsw i64 %x2, -16
  %host = getelementptr i8, ptr %mem_base, i64 %3
  store i64 %x1, ptr %host, align 1, !tbaa !8
  %instret.n29 = add i64 %instret, 3
  store i64 65720, ptr %0, align 8, !tbaa !5
  store i64 %5, ptr %1, align 8, !tbaa !5
  %x10.i = load i64, ptr %2, align 8
  %req.i = load volatile i32, ptr %req.p, align 4
  %"stop?.not.i" = icmp eq i32 %req.i, 0
  br i1 %"stop?.not.i", label %entry.switch.i, label %fvp_100c0_callee.exit

entry.switch.i:                                   ; preds = %mem.ok
  %6 = shl i64 %x10.i, 1
  br label %fvp_100c0_callee.exit

fvp_100c0_callee.exit:                            ; preds = %mem.ok, %entry.switch.i
  %x10.slot.0.i = phi i64 [ %x10.i, %mem.ok ], [ %6, %entry.switch.i ]
  %exit.pc.i = phi i64 [ 65728, %mem.ok ], [ 65720, %entry.switch.i ]
  %exit.reason.i = phi i32 [ 9, %mem.ok ], [ 4, %entry.switch.i ]
  %exit.count.i = phi i64 [ 0, %mem.ok ], [ 2, %entry.switch.i ]
  %instret.n.i = add i64 %exit.count.i, %instret.n29
  store i64 %instret.n.i, ptr %instret.p, align 8, !tbaa !5
  store i64 %x10.slot.0.i, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc.i, ptr %pc.p23, align 8, !tbaa !5
  br label %common.ret59

mem.ok39:                                         ; preds = %b_100b8
  %7 = add i64 %x10, 1
  %host41 = getelementptr i8, ptr %mem_base, i64 %4
  %ld = load i64, ptr %host41, align 1, !tbaa !8
  %8 = add nsw i64 %x2, 16
  %9 = and i64 %ld, -2
  br label %exit
}

define hidden range(i32 4, 10) i32 @fvp_100c0_callee(ptr %cpu) local_unnamed_addr #1 {
start:
  %instret.p = getelementptr inbounds i8, ptr %cpu, i64 584
  %instret = load i64, ptr %instret.p, align 8
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %x1 = load i64, ptr %0, align 8
  %1 = getelementptr inbounds i8, ptr %cpu, i64 80
  %x10 = load i64, ptr %1, align 8
  %pc.p19 = getelementptr inbounds i8, ptr %cpu, i64 512
  %pc = load i64, ptr %pc.p19, align 8
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit

exit:                                             ; preds = %start, %entry.switch
  %x10.slot.0 = phi i64 [ %x10, %start ], [ %2, %entry.switch ]
  %exit.pc = phi i64 [ %pc, %start ], [ %3, %entry.switch ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %entry.switch ]
  %exit.count = phi i64 [ 0, %start ], [ 2, %entry.switch ]
  %instret.n = add i64 %exit.count, %instret
  store i64 %instret.n, ptr %instret.p, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p19, align 8, !tbaa !5
  ret i32 %exit.reason

entry.switch:                                     ; preds = %start
  %2 = shl i64 %x10, 1
  %3 = and i64 %x1, -2
  br label %exit
}
