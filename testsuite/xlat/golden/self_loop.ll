define hidden i32 @fvp_100b0_self_loop(ptr %cpu) local_unnamed_addr #0 {
start:
  %0 = getelementptr inbounds i8, ptr %cpu, i64 8
  %1 = getelementptr inbounds i8, ptr %cpu, i64 16
  %2 = getelementptr inbounds i8, ptr %cpu, i64 80
  %3 = getelementptr inbounds i8, ptr %cpu, i64 88
  %mem_base.p = getelementptr inbounds i8, ptr %cpu, i64 544
  %pc.p19 = getelementptr inbounds i8, ptr %cpu, i64 512
  %req.p = getelementptr inbounds i8, ptr %cpu, i64 580
  %x1148 = load i64, ptr %0, align 8, !tbaa !5
  %x2149 = load i64, ptr %1, align 8, !tbaa !5
  %x10150 = load i64, ptr %2, align 8, !tbaa !5
  %x11151 = load i64, ptr %3, align 8, !tbaa !5
  %mem_base.i152 = load i64, ptr %mem_base.p, align 8
  %pc154 = load i64, ptr %pc.p19, align 8
  %req155 = load volatile i32, ptr %req.p, align 4
  %"stop?.not156" = icmp eq i32 %req155, 0
  br i1 %"stop?.not156", label %entry.switch.lr.ph, label %exit, !prof !8

entry.switch.lr.ph:                               ; preds = %start
  %sp.limit.p = getelementptr inbounds i8, ptr %cpu, i64 600
  %mem_base161.peel = inttoptr i64 %mem_base.i152 to ptr
  %cond.peel = icmp eq i64 %pc154, 65726
  br i1 %cond.peel, label %b_100be.peel, label %loop_100b0.peel

b_100be.peel:                                     ; preds = %hcall.ret.peel, %entry.switch.lr.ph
  %x2.slot.1.peel = phi i64 [ %x2149, %entry.switch.lr.ph ], [ %ret.v.peel, %hcall.ret.peel ]
  %x10.slot.1.peel = phi i64 [ %x10150, %entry.switch.lr.ph ], [ %ret.v51.peel, %hcall.ret.peel ]
  %4 = add i64 %x10.slot.1.peel, 1
  br label %b_100c0.peel

b_100c0.peel:                                     ; preds = %b_100b0.peel, %b_100be.peel
  %x2.slot.2.peel = phi i64 [ %x2.slot.1.peel, %b_100be.peel ], [ %6, %b_100b0.peel ]
  %x10.slot.2.peel = phi i64 [ %4, %b_100be.peel ], [ 0, %b_100b0.peel ]
  %clamp.base56.peel = tail call i64 @llvm.umin.i64(i64 %x2.slot.2.peel, i64 274877908992)
  %host57.peel = getelementptr i8, ptr %mem_base161.peel, i64 %clamp.base56.peel
  %ld.peel = load i64, ptr %host57.peel, align 1, !tbaa !9
  %base.inrange.peel = icmp ugt i64 %ld.peel, 274877908992
  br i1 %base.inrange.peel, label %fault65, label %mem.ok.peel, !prof !11

mem.ok.peel:                                      ; preds = %b_100c0.peel
  %5 = add i64 %x2.slot.2.peel, 16
  %host61.peel = getelementptr i8, ptr %host57.peel, i64 8
  %ld62.peel = load i64, ptr %host61.peel, align 1, !tbaa !9
  %host66.peel = getelementptr i8, ptr %mem_base161.peel, i64 %ld.peel
  %ld67.peel = load i64, ptr %host66.peel, align 1, !tbaa !9
  %.not.peel = icmp eq i64 %ld67.peel, 0
  br i1 %.not.peel, label %cont70, label %loop_100b0.peel

loop_100b0.peel:                                  ; preds = %mem.ok.peel, %entry.switch.lr.ph
  %x1.slot.0.peel = phi i64 [ %ld62.peel, %mem.ok.peel ], [ %x1148, %entry.switch.lr.ph ]
  %x2.slot.0.peel = phi i64 [ %5, %mem.ok.peel ], [ %x2149, %entry.switch.lr.ph ]
  %x10.slot.0.peel = phi i64 [ %x10.slot.2.peel, %mem.ok.peel ], [ %x10150, %entry.switch.lr.ph ]
  %x11.slot.0.peel = phi i64 [ %ld67.peel, %mem.ok.peel ], [ %x11151, %entry.switch.lr.ph ]
  %req21.peel = load volatile i32, ptr %req.p, align 4
  %"stop?23.not.peel" = icmp eq i32 %req21.peel, 0
  br i1 %"stop?23.not.peel", label %b_100b0.peel, label %stop22.peel, !prof !12

stop22.peel:                                      ; preds = %loop_100b0.peel
  store i64 %x1.slot.0.peel, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.0.peel, ptr %1, align 8, !tbaa !5
  store i64 %x10.slot.0.peel, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0.peel, ptr %3, align 8, !tbaa !5
  store i64 65712, ptr %pc.p19, align 8, !tbaa !5
  %poll.peel = tail call i32 @fvp_poll(ptr nonnull %cpu) #5
  %poll.back.peel = icmp eq i32 %poll.peel, 0
  br i1 %poll.back.peel, label %b_100b0.peel, label %common.ret

b_100b0.peel:                                     ; preds = %stop22.peel, %loop_100b0.peel
  %6 = add i64 %x2.slot.0.peel, -16
  %clamp.base.peel = tail call i64 @llvm.umin.i64(i64 %6, i64 274877908992)
  %7 = getelementptr i8, ptr %mem_base161.peel, i64 %clamp.base.peel
  %host.peel = getelementptr i8, ptr %7, i64 8
  store i64 %x1.slot.0.peel, ptr %host.peel, align 1, !tbaa !9
  store i64 %x11.slot.0.peel, ptr %7, align 1, !tbaa !9
  %8 = icmp eq i64 %x10.slot.0.peel, 0
  br i1 %8, label %b_100c0.peel, label %cont.peel

cont.peel:                                        ; preds = %b_100b0.peel
  %9 = add i64 %x10.slot.0.peel, -1
  %host.sp.peel = tail call i64 @llvm.read_register.i64(metadata !13)
  %sp.limit.peel = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep.peel = icmp ult i64 %host.sp.peel, %sp.limit.peel
  br i1 %deep.peel, label %hcall.deep.peel, label %hcall.peel, !prof !11

hcall.peel:                                       ; preds = %cont.peel
  %r46.peel = tail call x86_regcallcc { i64, i64, i64, i64, i64 } @fvp_100b0_self_loop.rec(ptr nonnull %cpu, i64 %6, i64 %9, i64 %x11.slot.0.peel) #6
  %status.peel = extractvalue { i64, i64, i64, i64, i64 } %r46.peel, 0
  %ret.ok.not.peel = icmp eq i64 %status.peel, 65726
  br i1 %ret.ok.not.peel, label %hcall.ret.peel, label %hcall.out, !prof !12

hcall.ret.peel:                                   ; preds = %hcall.peel
  %ret.v.peel = extractvalue { i64, i64, i64, i64, i64 } %r46.peel, 1
  %ret.v51.peel = extractvalue { i64, i64, i64, i64, i64 } %r46.peel, 2
  br label %b_100be.peel

hcall.deep.peel:                                  ; preds = %cont.peel
  store i64 65726, ptr %0, align 8, !tbaa !5
  store i64 %6, ptr %1, align 8, !tbaa !5
  store i64 %9, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0.peel, ptr %3, align 8, !tbaa !5
  store i64 65712, ptr %pc.p19, align 8, !tbaa !5
  %mem_base.i.peel = load i64, ptr %mem_base.p, align 8
  %req.peel = load volatile i32, ptr %req.p, align 4
  %"stop?.not.peel" = icmp eq i32 %req.peel, 0
  br i1 %"stop?.not.peel", label %entry.switch, label %exit, !prof !14

b_100b0:                                          ; preds = %stop22, %loop_100b0
  %10 = add i64 %x2.slot.0, -16
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %10, i64 274877908992)
  %11 = getelementptr i8, ptr %mem_base161, i64 %clamp.base
  %host = getelementptr i8, ptr %11, i64 8
  store i64 %x1.slot.0, ptr %host, align 1, !tbaa !9
  store i64 %x11.slot.0, ptr %11, align 1, !tbaa !9
  %12 = icmp eq i64 %x10.slot.0, 0
  br i1 %12, label %b_100c0, label %cont

loop_100b0:                                       ; preds = %entry.switch, %mem.ok
  %x1.slot.0 = phi i64 [ %ld62, %mem.ok ], [ 65726, %entry.switch ]
  %x2.slot.0 = phi i64 [ %22, %mem.ok ], [ %x2158, %entry.switch ]
  %x10.slot.0 = phi i64 [ %x10.slot.2, %mem.ok ], [ %x10159, %entry.switch ]
  %x11.slot.0 = phi i64 [ %ld67, %mem.ok ], [ %x11160, %entry.switch ]
  %req21 = load volatile i32, ptr %req.p, align 4
  %"stop?23.not" = icmp eq i32 %req21, 0
  br i1 %"stop?23.not", label %b_100b0, label %stop22, !prof !12

b_100be:                                          ; preds = %hcall
  %ret.v51 = extractvalue { i64, i64, i64, i64, i64 } %r46, 2
  %ret.v = extractvalue { i64, i64, i64, i64, i64 } %r46, 1
  %13 = add i64 %ret.v51, 1
  br label %b_100c0

b_100c0:                                          ; preds = %b_100b0, %b_100be
  %x2.slot.2 = phi i64 [ %ret.v, %b_100be ], [ %10, %b_100b0 ]
  %x10.slot.2 = phi i64 [ %13, %b_100be ], [ 0, %b_100b0 ]
  %clamp.base56 = tail call i64 @llvm.umin.i64(i64 %x2.slot.2, i64 274877908992)
  %host57 = getelementptr i8, ptr %mem_base161, i64 %clamp.base56
  %ld = load i64, ptr %host57, align 1, !tbaa !9
  %base.inrange = icmp ugt i64 %ld, 274877908992
  br i1 %base.inrange, label %fault65, label %mem.ok, !prof !15

common.ret:                                       ; preds = %stop22, %stop22.peel, %hcall.out, %fault65, %exit
  %common.ret.op = phi i32 [ %exit.reason, %exit ], [ 7, %fault65 ], [ %reason, %hcall.out ], [ %poll.peel, %stop22.peel ], [ %poll, %stop22 ]
  ret i32 %common.ret.op

exit:                                             ; preds = %hcall.deep, %hcall.deep.peel, %start, %cont70
  %x1.slot.1 = phi i64 [ %ld62.lcssa, %cont70 ], [ %x1148, %start ], [ 65726, %hcall.deep.peel ], [ 65726, %hcall.deep ]
  %x2.slot.3 = phi i64 [ %.lcssa, %cont70 ], [ %x2149, %start ], [ %6, %hcall.deep.peel ], [ %10, %hcall.deep ]
  %x10.slot.3 = phi i64 [ %x10.slot.2.lcssa173, %cont70 ], [ %x10150, %start ], [ %9, %hcall.deep.peel ], [ %14, %hcall.deep ]
  %x11.slot.1 = phi i64 [ 0, %cont70 ], [ %x11151, %start ], [ %x11.slot.0.peel, %hcall.deep.peel ], [ %x11.slot.0, %hcall.deep ]
  %exit.pc = phi i64 [ %23, %cont70 ], [ %pc154, %start ], [ 65712, %hcall.deep.peel ], [ 65712, %hcall.deep ]
  %exit.reason = phi i32 [ 4, %cont70 ], [ 9, %start ], [ 9, %hcall.deep.peel ], [ 9, %hcall.deep ]
  store i64 %x1.slot.1, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.3, ptr %1, align 8, !tbaa !5
  store i64 %x10.slot.3, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.1, ptr %3, align 8, !tbaa !5
  store i64 %exit.pc, ptr %pc.p19, align 8, !tbaa !5
  br label %common.ret

entry.switch:                                     ; preds = %hcall.deep.peel, %hcall.deep
  %mem_base161.in = phi i64 [ %mem_base.i, %hcall.deep ], [ %mem_base.i.peel, %hcall.deep.peel ]
  %x11160 = phi i64 [ %x11.slot.0, %hcall.deep ], [ %x11.slot.0.peel, %hcall.deep.peel ]
  %x10159 = phi i64 [ %14, %hcall.deep ], [ %9, %hcall.deep.peel ]
  %x2158 = phi i64 [ %10, %hcall.deep ], [ %6, %hcall.deep.peel ]
  %mem_base161 = inttoptr i64 %mem_base161.in to ptr
  br label %loop_100b0

stop22:                                           ; preds = %loop_100b0
  store i64 %x1.slot.0, ptr %0, align 8, !tbaa !5
  store i64 %x2.slot.0, ptr %1, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0, ptr %3, align 8, !tbaa !5
  store i64 65712, ptr %pc.p19, align 8, !tbaa !5
  %poll = tail call i32 @fvp_poll(ptr nonnull %cpu) #5
  %poll.back = icmp eq i32 %poll, 0
  br i1 %poll.back, label %b_100b0, label %common.ret

cont:                                             ; preds = %b_100b0
  %14 = add i64 %x10.slot.0, -1
  %host.sp = tail call i64 @llvm.read_register.i64(metadata !13)
  %sp.limit = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep = icmp ult i64 %host.sp, %sp.limit
  br i1 %deep, label %hcall.deep, label %hcall, !prof !11

hcall:                                            ; preds = %cont
  %r46 = tail call x86_regcallcc { i64, i64, i64, i64, i64 } @fvp_100b0_self_loop.rec(ptr nonnull %cpu, i64 %10, i64 %14, i64 %x11.slot.0) #6
  %status = extractvalue { i64, i64, i64, i64, i64 } %r46, 0
  %ret.ok.not = icmp eq i64 %status, 65726
  br i1 %ret.ok.not, label %b_100be, label %hcall.out, !prof !16

hcall.deep:                                       ; preds = %cont
  store i64 65726, ptr %0, align 8, !tbaa !5
  store i64 %10, ptr %1, align 8, !tbaa !5
  store i64 %14, ptr %2, align 8, !tbaa !5
  store i64 %x11.slot.0, ptr %3, align 8, !tbaa !5
  store i64 65712, ptr %pc.p19, align 8, !tbaa !5
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %entry.switch, label %exit, !prof !17, !llvm.loop !18

hcall.out:                                        ; preds = %hcall, %hcall.peel
  %r46.lcssa = phi { i64, i64, i64, i64, i64 } [ %r46.peel, %hcall.peel ], [ %r46, %hcall ]
  %status.lcssa = phi i64 [ %status.peel, %hcall.peel ], [ %status, %hcall ]
  %15 = extractvalue { i64, i64, i64, i64, i64 } %r46.lcssa, 1
  store i64 %15, ptr %1, align 8, !tbaa !5
  %16 = extractvalue { i64, i64, i64, i64, i64 } %r46.lcssa, 2
  store i64 %16, ptr %2, align 8, !tbaa !5
  %17 = extractvalue { i64, i64, i64, i64, i64 } %r46.lcssa, 3
  store i64 %17, ptr %3, align 8, !tbaa !5
  %18 = extractvalue { i64, i64, i64, i64, i64 } %r46.lcssa, 4
  store i64 %18, ptr %0, align 8, !tbaa !5
  %pc49 = load i64, ptr %pc.p19, align 8, !tbaa !5
  %19 = icmp slt i64 %status.lcssa, 0
  %20 = select i1 %19, i64 %pc49, i64 %status.lcssa
  store i64 %20, ptr %pc.p19, align 8, !tbaa !5
  %21 = trunc i64 %status.lcssa to i32
  %reason = select i1 %19, i32 %21, i32 4
  br label %common.ret

mem.ok:                                           ; preds = %b_100c0
  %22 = add i64 %x2.slot.2, 16
  %host61 = getelementptr i8, ptr %host57, i64 8
  %ld62 = load i64, ptr %host61, align 1, !tbaa !9
  %host66 = getelementptr i8, ptr %mem_base161, i64 %ld
  %ld67 = load i64, ptr %host66, align 1, !tbaa !9
  %.not = icmp eq i64 %ld67, 0
  br i1 %.not, label %cont70, label %loop_100b0

fault65:                                          ; preds = %b_100c0, %b_100c0.peel
  %ld.lcssa = phi i64 [ %ld.peel, %b_100c0.peel ], [ %ld, %b_100c0 ]
  store i64 65734, ptr %pc.p19, align 8, !tbaa !5
  %cause.p16 = getelementptr inbounds i8, ptr %cpu, i64 560
  store i64 13, ptr %cause.p16, align 8, !tbaa !5
  %tval.p17 = getelementptr inbounds i8, ptr %cpu, i64 568
  store i64 %ld.lcssa, ptr %tval.p17, align 8, !tbaa !5
  %pending.p18 = getelementptr inbounds i8, ptr %cpu, i64 576
  store i32 0, ptr %pending.p18, align 4
  br label %common.ret

cont70:                                           ; preds = %mem.ok, %mem.ok.peel
  %.lcssa = phi i64 [ %5, %mem.ok.peel ], [ %22, %mem.ok ]
  %ld62.lcssa = phi i64 [ %ld62.peel, %mem.ok.peel ], [ %ld62, %mem.ok ]
  %x10.slot.2.lcssa173 = phi i64 [ %x10.slot.2.peel, %mem.ok.peel ], [ %x10.slot.2, %mem.ok ]
  %23 = and i64 %ld62.lcssa, -2
  br label %exit
}

define internal x86_regcallcc { i64, i64, i64, i64, i64 } @fvp_100b0_self_loop.rec(ptr %0, i64 %1, i64 %2, i64 %3) unnamed_addr #3 {
start:
  %mem_base.p = getelementptr inbounds i8, ptr %0, i64 544
  %mem_base.i = load i64, ptr %mem_base.p, align 8
  %mem_base = inttoptr i64 %mem_base.i to ptr
  %req.p = getelementptr inbounds i8, ptr %0, i64 580
  %4 = getelementptr inbounds i8, ptr %0, i64 8
  %5 = getelementptr inbounds i8, ptr %0, i64 16
  %6 = getelementptr inbounds i8, ptr %0, i64 80
  %7 = getelementptr inbounds i8, ptr %0, i64 88
  %pc.p32 = getelementptr inbounds i8, ptr %0, i64 512
  %sp.limit.p = getelementptr inbounds i8, ptr %0, i64 600
  %invariant.gep = getelementptr i8, ptr %mem_base, i64 8
  br label %loop_100b0

b_100b0:                                          ; preds = %stop, %loop_100b0
  %8 = add i64 %x2.slot.0, -16
  %clamp.base = tail call i64 @llvm.umin.i64(i64 %8, i64 274877908992)
  %9 = getelementptr i8, ptr %mem_base, i64 %clamp.base
  %host = getelementptr i8, ptr %9, i64 8
  store i64 %x1.slot.0, ptr %host, align 1, !tbaa !9
  store i64 %x11.slot.0, ptr %9, align 1, !tbaa !9
  %10 = icmp eq i64 %x10.slot.0, 0
  br i1 %10, label %b_100c0, label %cont

loop_100b0:                                       ; preds = %mem.ok, %start
  %x1.slot.0 = phi i64 [ 65726, %start ], [ %ld67, %mem.ok ]
  %x2.slot.0 = phi i64 [ %1, %start ], [ %25, %mem.ok ]
  %x10.slot.0 = phi i64 [ %2, %start ], [ %x10.slot.1, %mem.ok ]
  %x11.slot.0 = phi i64 [ %3, %start ], [ %ld72, %mem.ok ]
  %req = load volatile i32, ptr %req.p, align 4
  %"stop?.not" = icmp eq i32 %req, 0
  br i1 %"stop?.not", label %b_100b0, label %stop, !prof !12

b_100c0:                                          ; preds = %b_100b0, %hcall.ret
  %ld = phi i64 [ %x11.slot.0, %b_100b0 ], [ %ld.pre, %hcall.ret ]
  %clamp.base61.pre-phi = phi i64 [ %clamp.base, %b_100b0 ], [ %.pre, %hcall.ret ]
  %x2.slot.1 = phi i64 [ %8, %b_100b0 ], [ %ret.v55, %hcall.ret ]
  %x10.slot.1 = phi i64 [ 0, %b_100b0 ], [ %24, %hcall.ret ]
  %base.inrange = icmp ugt i64 %ld, 274877908992
  br i1 %base.inrange, label %fault70, label %mem.ok, !prof !11

common.ret:                                       ; preds = %hcall, %ret.plain, %ret.high, %poll.out, %fault70, %hcall.deep
  %common.ret.op = phi { i64, i64, i64, i64, i64 } [ %23, %hcall.deep ], [ %29, %fault70 ], [ %18, %poll.out ], [ %35, %ret.high ], [ %40, %ret.plain ], [ %r, %hcall ]
  ret { i64, i64, i64, i64, i64 } %common.ret.op

stop:                                             ; preds = %loop_100b0
  store i64 %x1.slot.0, ptr %4, align 8, !tbaa !5
  store i64 %x2.slot.0, ptr %5, align 8, !tbaa !5
  store i64 %x10.slot.0, ptr %6, align 8, !tbaa !5
  store i64 %x11.slot.0, ptr %7, align 8, !tbaa !5
  store i64 65712, ptr %pc.p32, align 8, !tbaa !5
  %poll = tail call i32 @fvp_poll(ptr nonnull %0) #5
  %poll.back = icmp eq i32 %poll, 0
  br i1 %poll.back, label %b_100b0, label %poll.out

poll.out:                                         ; preds = %stop
  %pc34 = load i64, ptr %pc.p32, align 8, !tbaa !5
  %11 = zext i32 %poll to i64
  %status.other35 = or disjoint i64 %11, -9223372036854775808
  %12 = icmp sgt i64 %pc34, -1
  %13 = icmp eq i32 %poll, 4
  %returned36 = and i1 %13, %12
  %status37 = select i1 %returned36, i64 %pc34, i64 %status.other35
  %14 = insertvalue { i64, i64, i64, i64, i64 } undef, i64 %status37, 0
  %ret.v38 = load i64, ptr %5, align 8, !tbaa !5
  %15 = insertvalue { i64, i64, i64, i64, i64 } %14, i64 %ret.v38, 1
  %ret.v39 = load i64, ptr %6, align 8, !tbaa !5
  %16 = insertvalue { i64, i64, i64, i64, i64 } %15, i64 %ret.v39, 2
  %ret.v40 = load i64, ptr %7, align 8, !tbaa !5
  %17 = insertvalue { i64, i64, i64, i64, i64 } %16, i64 %ret.v40, 3
  %ret.v41 = load i64, ptr %4, align 8, !tbaa !5
  %18 = insertvalue { i64, i64, i64, i64, i64 } %17, i64 %ret.v41, 4
  br label %common.ret

cont:                                             ; preds = %b_100b0
  %19 = add i64 %x10.slot.0, -1
  %host.sp = tail call i64 @llvm.read_register.i64(metadata !13)
  %sp.limit = load i64, ptr %sp.limit.p, align 8, !tbaa !5
  %deep = icmp ult i64 %host.sp, %sp.limit
  br i1 %deep, label %hcall.deep, label %hcall, !prof !11

hcall:                                            ; preds = %cont
  %r = tail call x86_regcallcc { i64, i64, i64, i64, i64 } @fvp_100b0_self_loop.rec(ptr nonnull %0, i64 %8, i64 %19, i64 %x11.slot.0) #6
  %status54 = extractvalue { i64, i64, i64, i64, i64 } %r, 0
  %ret.ok.not = icmp eq i64 %status54, 65726
  br i1 %ret.ok.not, label %hcall.ret, label %common.ret, !prof !12

hcall.deep:                                       ; preds = %cont
  store i64 65712, ptr %pc.p32, align 8, !tbaa !5
  %20 = insertvalue { i64, i64, i64, i64, i64 } { i64 -9223372036854775808, i64 undef, i64 undef, i64 undef, i64 undef }, i64 %8, 1
  %21 = insertvalue { i64, i64, i64, i64, i64 } %20, i64 %19, 2
  %22 = insertvalue { i64, i64, i64, i64, i64 } %21, i64 %x11.slot.0, 3
  %23 = insertvalue { i64, i64, i64, i64, i64 } %22, i64 65726, 4
  br label %common.ret

hcall.ret:                                        ; preds = %hcall
  %ret.v55 = extractvalue { i64, i64, i64, i64, i64 } %r, 1
  %ret.v56 = extractvalue { i64, i64, i64, i64, i64 } %r, 2
  %24 = add i64 %ret.v56, 1
  %.pre = tail call i64 @llvm.umin.i64(i64 %ret.v55, i64 274877908992)
  %host62.phi.trans.insert = getelementptr i8, ptr %mem_base, i64 %.pre
  %ld.pre = load i64, ptr %host62.phi.trans.insert, align 1, !tbaa !9
  br label %b_100c0

mem.ok:                                           ; preds = %b_100c0
  %25 = add i64 %x2.slot.1, 16
  %gep = getelementptr i8, ptr %invariant.gep, i64 %clamp.base61.pre-phi
  %ld67 = load i64, ptr %gep, align 1, !tbaa !9
  %host71 = getelementptr i8, ptr %mem_base, i64 %ld
  %ld72 = load i64, ptr %host71, align 1, !tbaa !9
  %.not = icmp eq i64 %ld72, 0
  br i1 %.not, label %cont75, label %loop_100b0

fault70:                                          ; preds = %b_100c0
  store i64 65734, ptr %pc.p32, align 8, !tbaa !5
  %cause.p17 = getelementptr inbounds i8, ptr %0, i64 560
  store i64 13, ptr %cause.p17, align 8, !tbaa !5
  %tval.p18 = getelementptr inbounds i8, ptr %0, i64 568
  store i64 %ld, ptr %tval.p18, align 8, !tbaa !5
  %pending.p19 = getelementptr inbounds i8, ptr %0, i64 576
  store i32 0, ptr %pending.p19, align 4
  %ret.v24 = load i64, ptr %5, align 8, !tbaa !5
  %26 = insertvalue { i64, i64, i64, i64, i64 } { i64 -9223372036854775801, i64 undef, i64 undef, i64 undef, i64 undef }, i64 %ret.v24, 1
  %ret.v25 = load i64, ptr %6, align 8, !tbaa !5
  %27 = insertvalue { i64, i64, i64, i64, i64 } %26, i64 %ret.v25, 2
  %ret.v26 = load i64, ptr %7, align 8, !tbaa !5
  %28 = insertvalue { i64, i64, i64, i64, i64 } %27, i64 %ret.v26, 3
  %ret.v27 = load i64, ptr %4, align 8, !tbaa !5
  %29 = insertvalue { i64, i64, i64, i64, i64 } %28, i64 %ret.v27, 4
  br label %common.ret

cont75:                                           ; preds = %mem.ok
  %30 = and i64 %ld67, -2
  %31 = icmp sgt i64 %ld67, -1
  br i1 %31, label %ret.plain, label %ret.high

ret.high:                                         ; preds = %cont75
  store i64 %30, ptr %pc.p32, align 8, !tbaa !5
  %32 = insertvalue { i64, i64, i64, i64, i64 } { i64 -9223372036854775804, i64 undef, i64 undef, i64 undef, i64 undef }, i64 %25, 1
  %33 = insertvalue { i64, i64, i64, i64, i64 } %32, i64 %x10.slot.1, 2
  %34 = insertvalue { i64, i64, i64, i64, i64 } %33, i64 0, 3
  %35 = insertvalue { i64, i64, i64, i64, i64 } %34, i64 %ld67, 4
  br label %common.ret

ret.plain:                                        ; preds = %cont75
  %36 = insertvalue { i64, i64, i64, i64, i64 } undef, i64 %30, 0
  %37 = insertvalue { i64, i64, i64, i64, i64 } %36, i64 %25, 1
  %38 = insertvalue { i64, i64, i64, i64, i64 } %37, i64 %x10.slot.1, 2
  %39 = insertvalue { i64, i64, i64, i64, i64 } %38, i64 0, 3
  %40 = insertvalue { i64, i64, i64, i64, i64 } %39, i64 %ld67, 4
  br label %common.ret
}
