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

b_100b8:                                          ; preds = %fvp_100c0_callee.exit.thread, %entry.switch
  %instret.slot.0 = phi i64 [ %instret, %entry.switch ], [ %instret.n.i89, %fvp_100c0_callee.exit.thread ]
  %x2.slot.0 = phi i64 [ %x2, %entry.switch ], [ %5, %fvp_100c0_callee.exit.thread ]
  %x10.slot.0 = phi i64 [ %x10, %entry.switch ], [ %6, %fvp_100c0_callee.exit.thread ]
  %4 = add i64 %x2.slot.0, 8
  %inrange47 = icmp ult i64 %4, 274877906937
  br i1 %inrange47, label %mem.ok48, label %fault

common.ret84:                                     ; preds = %fvp_100c0_callee.exit, %exit, %fault, %fvp_100c0_callee.exit83
  %common.ret84.op = phi i32 [ %exit.reason.i79, %fvp_100c0_callee.exit83 ], [ %exit.reason, %exit ], [ 7, %fault ], [ 9, %fvp_100c0_callee.exit ]
  ret i32 %common.ret84.op

exit:                                             ; preds = %start, %mem.ok48
  %instret.slot.1 = phi i64 [ %instret, %start ], [ %instret.slot.0, %mem.ok48 ]
  %x1.slot.0 = phi i64 [ %x1, %start ], [ %ld, %mem.ok48 ]
  %x2.slot.1 = phi i64 [ %x2, %start ], [ %9, %mem.ok48 ]
  %x10.slot.1 = phi i64 [ %x10, %start ], [ %8, %mem.ok48 ]
  %exit.pc = phi i64 [ %pc, %start ], [ %10, %mem.ok48 ]
  %exit.reason = phi i32 [ 9, %start ], [ 4, %mem.ok48 ]
  %exit.count = phi i64 [ 0, %start ], [ 4, %mem.ok48 ]
  %instret.n = add i64 %exit.count, %instret.slot.1
  store i64 %instret.n, ptr %instret.p, align 8, !tbaa !5
  store i64 %x1.slot.0, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.1, ptr %1, align 8, !tbaa !5
  store i64 %x10.slot.1, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p23, align 8, !tbaa !5
  br label %common.ret84

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
  br label %common.ret84

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
  %depth.p = getelementptr inbounds i8, ptr %cpu, i64 600
  %depth = load i64, ptr %depth.p, align 8, !tbaa !5
  %deep = icmp ugt i64 %depth, 1023
  %x10.i71 = load i64, ptr %2, align 8
  %req.i75 = load volatile i32, ptr %req.p, align 4
  %"stop?.not.i76" = icmp eq i32 %req.i75, 0
  br i1 %deep, label %hcall.deep, label %hcall

hcall:                                            ; preds = %mem.ok
  br i1 %"stop?.not.i76", label %fvp_100c0_callee.exit.thread, label %fvp_100c0_callee.exit

fvp_100c0_callee.exit.thread:                     ; preds = %hcall
  %6 = shl i64 %x10.i71, 1
  %instret.n.i89 = add i64 %instret, 5
  store i64 %instret.n.i89, ptr %instret.p, align 8, !tbaa !5
  store i64 %6, ptr %2, align 8, !tbaa !5
  store i64 %depth, ptr %depth.p, align 8, !tbaa !5
  br label %b_100b8

fvp_100c0_callee.exit:                            ; preds = %hcall
  store i64 %instret.n29, ptr %instret.p, align 8, !tbaa !5
  store i64 %x10.i71, ptr %2, align 8, !tbaa !5
  store i64 65728, ptr %pc.p23, align 8, !tbaa !5
  store i64 %depth, ptr %depth.p, align 8, !tbaa !5
  br label %common.ret84

hcall.deep:                                       ; preds = %mem.ok
  br i1 %"stop?.not.i76", label %entry.switch.i82, label %fvp_100c0_callee.exit83

entry.switch.i82:                                 ; preds = %hcall.deep
  %7 = shl i64 %x10.i71, 1
  br label %fvp_100c0_callee.exit83

fvp_100c0_callee.exit83:                          ; preds = %hcall.deep, %entry.switch.i82
  %x10.slot.0.i77 = phi i64 [ %x10.i71, %hcall.deep ], [ %7, %entry.switch.i82 ]
  %exit.pc.i78 = phi i64 [ 65728, %hcall.deep ], [ 65720, %entry.switch.i82 ]
  %exit.reason.i79 = phi i32 [ 9, %hcall.deep ], [ 4, %entry.switch.i82 ]
  %exit.count.i80 = phi i64 [ 0, %hcall.deep ], [ 2, %entry.switch.i82 ]
  %instret.n.i81 = add i64 %exit.count.i80, %instret.n29
  store i64 %instret.n.i81, ptr %instret.p, align 8, !tbaa !5
  store i64 %x10.slot.0.i77, ptr %2, align 8, !tbaa !5
  store i64 %exit.pc.i78, ptr %pc.p23, align 8, !tbaa !5
  br label %common.ret84

mem.ok48:                                         ; preds = %b_100b8
  %8 = add i64 %x10.slot.0, 1
  %host50 = getelementptr i8, ptr %mem_base, i64 %4
  %ld = load i64, ptr %host50, align 1, !tbaa !8
  %9 = add nsw i64 %x2.slot.0, 16
  %10 = and i64 %ld, -2
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
